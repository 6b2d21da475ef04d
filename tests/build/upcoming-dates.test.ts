import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sectionOf, textOf } from '../helpers/html';

// Every seeded date is past, so the real build can only show "no upcoming dates".
// Build a copy of the project with one activity that has a past and a future
// session, and check that a centre page shows the future one only.
describe('upcoming dates on a centre page', () => {
  const root = mkdtempSync(join(tmpdir(), 'ifg-dates-'));
  const nextYear = new Date().getUTCFullYear() + 1;
  let html = '';

  beforeAll(() => {
    for (const name of ['src', 'public', 'scripts']) cpSync(resolve(name), join(root, name), { recursive: true });
    for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(resolve(name), join(root, name));
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
    writeFileSync(
      join(root, 'src/content/events/proef-infosessie.md'),
      [
        '---',
        'title: Proefinfosessie',
        'kind: infosessie',
        'centres: [mechelen]',
        'audience: professionelen',
        'summary: Een infosessie om de site te testen.',
        'place: Mechelen',
        'municipality: mechelen',
        'sessions:',
        '  - date: 2020-03-02',
        '    start: "10:00"',
        `  - date: ${nextYear}-03-02`,
        '    start: "13:30"',
        '    end: "15:00"',
        'lastReviewed: { date: 2026-12-02, by: bronnen }',
        '---',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', DIST_DIR: join(root, 'dist'), QUICK_EXIT_URL: 'http://127.0.0.1:9/weg' },
    });
    if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
    html = readFileSync(join(root, 'dist/centra/mechelen/index.html'), 'utf8');
  }, 150_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists the future session with its day and hours, with the hooks that hide it once it passes', () => {
    const dates = sectionOf(html, 'data');
    const weekday = new Intl.DateTimeFormat('nl-BE', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${nextYear}-03-02T00:00:00Z`));
    expect(textOf(dates)).toContain(`${weekday} 2 maart ${nextYear}, 13:30–15:00: Proefinfosessie (Mechelen)`);
    expect(dates).toContain(`data-agenda-day="${nextYear}-03-02"`);
    expect(dates).toContain('data-agenda-end="15:00"');
    expect(dates).toMatch(/<p data-agenda-empty hidden/);
  });

  it('leaves the past session out', () => {
    expect(sectionOf(html, 'data')).not.toContain('2020-03-02');
  });
});
