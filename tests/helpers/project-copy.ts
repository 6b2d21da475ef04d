import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * A copy of the project in a temporary folder (sources, config, a link to node_modules), to build
 * with an editor's mistake in it without touching the working tree. `edit` changes one file and
 * says whether the change applied; `build` runs `astro build` there; `remove` deletes the copy.
 */
export function projectCopy(prefix: string) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const name of ['src', 'public', 'scripts']) cpSync(resolve(name), join(root, name), { recursive: true });
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(resolve(name), join(root, name));
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
  return {
    root,
    dist: join(root, 'dist'),
    edit(file: string, change: (text: string) => string): boolean {
      const path = join(root, file);
      const before = readFileSync(path, 'utf8');
      writeFileSync(path, change(before));
      return readFileSync(path, 'utf8') !== before;
    },
    /** Builds the copy; the build's whole output, and whether it failed. */
    build(timeout: number, env: Record<string, string> = {}) {
      const run = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
        cwd: root,
        encoding: 'utf8',
        timeout,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DIST_DIR: join(root, 'dist'), NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      });
      return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
