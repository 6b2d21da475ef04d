// Function bundles as Netlify ships them: @netlify/zip-it-and-ship-it (what Netlify's
// build runs) with netlify.toml's esbuild bundler, once zipped and once unzipped; and
// each one's cold start (intake-load.mjs): import time and time to its first answer.
// Issue 9's goal: under 300 KB zipped and under 100 ms to import, each.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureGenerated } from './intake-bench.mjs';

const HOW = 'zip-it-and-ship-it, node_bundler esbuild (netlify.toml)';
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
    const functions = zipped
      .map((z) => {
        const p = plain.find((q) => q.name === z.name);
        return { name: z.name, zipBytes: statSync(z.path).size, bundleBytes: p ? folderBytes(p.path) : null, how: HOW, ...(cold[z.name] ?? {}) };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { functions };
  } finally {
    rmSync(zipDir, { recursive: true, force: true });
    rmSync(plainDir, { recursive: true, force: true });
  }
}
