// Function bundles as Netlify ships them: @netlify/zip-it-and-ship-it (what Netlify's
// build runs), once zipped and once unzipped; and each one's cold start (intake-load.mjs):
// import time and time to its first answer. Issue 9's goal: under 300 KB zipped and
// under 100 ms to import, each.
//
// What Netlify ships for a v2 function (`export default (req, context)`): zip-it-and-ship-it
// 15 forces its nft bundler for every v2 function, whatever netlify.toml's node_bundler says
// (getBundlerName in its runtimes/node/bundlers/index.js): our sources are transpiled into
// one file, and every package they import is shipped as its files in node_modules, traced by
// @vercel/nft (all of zod's ESM and CJS builds and locales, openpgp's builds), next to
// Netlify's own runtime (___netlify-bootstrap.mjs and ___netlify-telemetry.mjs, about
// 290 KB zipped, in every function). An esbuild bundle of the same entry is therefore not
// what is deployed; it is reported next to it ("pre-bundled") as what a build step that
// bundles the functions before Netlify's packaging would ship.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureGenerated } from './intake-bench.mjs';

const HOW = 'zip-it-and-ship-it 15 (nft: forced for v2 functions; netlify.toml\'s node_bundler applies to v1 only)';
export const ZIP_GOAL = 300 * 1000;
export const IMPORT_GOAL_MS = 100;

/** The module Netlify loads from an unzipped bundle. */
function entryOf(bundlePath, name) {
  for (const ext of ['mjs', 'js', 'cjs']) {
    const file = join(bundlePath, 'netlify/functions', `${name}.${ext}`);
    if (existsSync(file)) return file;
  }
  return null;
}

export function folderBytes(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) n += statSync(join(e.parentPath, e.name)).size;
  return n;
}

/** Each file gzipped on its own (level 6, about what the zip's deflate gives), summed per part of the bundle. */
export function partsOf(dir) {
  const parts = { netlifyRuntime: 0, dependencies: 0, own: 0 };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const rel = relative(dir, file);
    const gz = gzipSync(readFileSync(file), { level: 6 }).length;
    if (rel.startsWith('___netlify-')) parts.netlifyRuntime += gz;
    else if (rel.startsWith('node_modules/')) parts.dependencies += gz;
    else parts.own += gz;
  }
  return parts;
}

/**
 * The same functions bundled by esbuild (no minify, as Netlify's esbuild does for v1),
 * split so that what the code loads with import() (openpgp.js, Resend, Blobs, the server
 * pages) is its own chunk: the entry's static graph is what an import costs. Returns, per
 * function: gzip of the files loaded at import, gzip of all files, and the import time in
 * a fresh process (median of `runs`).
 */
export async function preBundled(root, names, runs = 3) {
  const { build } = await import('esbuild');
  const out = {};
  for (const name of names) {
    const entry = ['ts', 'mts', 'mjs', 'js'].map((x) => join(root, 'netlify/functions', `${name}.${x}`)).find(existsSync);
    if (!entry) continue;
    const dir = mkdtempSync(join(tmpdir(), 'ifg-bench-esb-'));
    try {
      const r = await build({
        entryPoints: [entry], outdir: dir, bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node24', metafile: true, logLevel: 'error', outExtension: { '.js': '.mjs' },
        banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
      });
      const outputs = r.metafile.outputs;
      const main = Object.keys(outputs).find((k) => outputs[k].entryPoint);
      const atImport = new Set();
      const walk = (k) => { if (atImport.has(k)) return; atImport.add(k); for (const i of outputs[k].imports) if (i.kind === 'import-statement' && outputs[i.path]) walk(i.path); };
      walk(main);
      const gz = (k) => gzipSync(readFileSync(resolve(k))).length;
      const all = Object.keys(outputs).filter((k) => k.endsWith('.mjs'));
      const times = [];
      for (let i = 0; i < runs; i++) {
        const p = spawnSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify('file://' + resolve(main))}); console.log(performance.now() - t);`], { encoding: 'utf8', env: { ...process.env, NETLIFY_BLOBS_CONTEXT: '' } });
        if (p.status === 0) times.push(Number(p.stdout.trim()));
      }
      times.sort((a, b) => a - b);
      out[name] = { atImportGzip: [...atImport].reduce((n, k) => n + gz(k), 0), allGzip: all.reduce((n, k) => n + gz(k), 0), chunks: all.length, importMs: times.length ? times[Math.floor(times.length / 2)] : null };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** Bundles netlify/functions into `dest` (`zip` or `none` = folders); returns zisi's results. */
export async function bundleFunctions(root, dest, archiveFormat) {
  const { zipFunctions } = await import('@netlify/zip-it-and-ship-it');
  return zipFunctions([join(root, 'netlify/functions')], dest, {
    archiveFormat,
    basePath: root,
    repositoryRoot: root,
    config: { '*': { nodeBundler: 'esbuild' } },
  });
}

export async function functionBundles({ root, log }) {
  ensureGenerated(root);
  const zipDir = mkdtempSync(join(tmpdir(), 'ifg-bench-zip-'));
  const plainDir = mkdtempSync(join(tmpdir(), 'ifg-bench-fn-'));
  try {
    const zipped = await bundleFunctions(root, zipDir, 'zip');
    const plain = await bundleFunctions(root, plainDir, 'none');
    const entries = plain.map((p) => ({ name: p.name, entry: entryOf(p.path, p.name) })).filter((e) => e.entry);
    const { coldStarts } = await import('./intake-load.mjs');
    const cold = await coldStarts({ root, bundles: entries, runs: 3, log });
    log?.('bundles: the same functions pre-bundled by esbuild, for comparison');
    const esb = await preBundled(root, zipped.map((z) => z.name));
    const functions = zipped
      .map((z) => {
        const p = plain.find((q) => q.name === z.name);
        return { name: z.name, zipBytes: statSync(z.path).size, bundleBytes: p ? folderBytes(p.path) : null, parts: p ? partsOf(p.path) : null, bundler: p?.bundler, how: HOW, ...(cold[z.name] ?? {}), preBundled: esb[z.name] ?? null };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { functions };
  } finally {
    rmSync(zipDir, { recursive: true, force: true });
    rmSync(plainDir, { recursive: true, force: true });
  }
}
