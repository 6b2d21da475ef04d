import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// An editor's mistake must stop the build with the file, the field and a Dutch
// explanation, not a stack trace. Build a copy of the project with one broken
// centre file; the content sync fails within seconds, before any page renders.
describe('a build with a broken content file', () => {
  const root = mkdtempSync(join(tmpdir(), 'ifg-broken-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  for (const name of ['src', 'public', 'scripts']) cpSync(resolve(name), join(root, name), { recursive: true });
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(resolve(name), join(root, name));
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');

  const file = join(root, 'src/content/centres/antwerpen.mdx');
  const original = readFileSync(file, 'utf8');
  const broken = original.replace('closes: "16:00"', 'closes: "08:00"');
  writeFileSync(file, broken);

  it('was really broken (the fixture edit applied)', () => {
    expect(broken).not.toBe(original);
  });

  it('fails and names the file, the field and what to write, in Dutch', () => {
    const run = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DIST_DIR: join(root, 'dist'), NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).not.toBe(0);
    expect(output).toContain('src/content/centres/antwerpen.mdx');
    expect(output).toContain('phoneLines.0.hours.0.closes: Het sluitingsuur moet later zijn dan het openingsuur.');
  }, 90_000);
});
