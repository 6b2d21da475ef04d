// Function bundles as Netlify ships them: @netlify/zip-it-and-ship-it (what Netlify's
// build runs) with netlify.toml's esbuild bundler, once zipped and once unzipped.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureGenerated } from './intake-bench.mjs';

const HOW = 'zip-it-and-ship-it, node_bundler esbuild (netlify.toml)';

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

export async function functionBundles({ root }) {
  ensureGenerated(root);
  const zipDir = mkdtempSync(join(tmpdir(), 'ifg-bench-zip-'));
  const plainDir = mkdtempSync(join(tmpdir(), 'ifg-bench-fn-'));
  try {
    const zipped = await bundleFunctions(root, zipDir, 'zip');
    const plain = await bundleFunctions(root, plainDir, 'none');
    const functions = zipped
      .map((z) => {
        const p = plain.find((q) => q.name === z.name);
        return { name: z.name, zipBytes: statSync(z.path).size, bundleBytes: p ? folderBytes(p.path) : null, how: HOW };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { functions };
  } finally {
    rmSync(zipDir, { recursive: true, force: true });
    rmSync(plainDir, { recursive: true, force: true });
  }
}
