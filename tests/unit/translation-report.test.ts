import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { keyTimes, staleStrings, translationReport } from '../../scripts/lib/translation-report.mjs';

/**
 * The report compares what a translation follows, to the second: a Dutch edit later the
 * same day is caught, one changed key in nl.json flags that key in each language and no
 * other, and the home page (whose words are all strings) is not flagged by any string.
 * Each case is a throw-away git repository with commits at chosen times.
 */
let repo: string;
const run = (args: string[], time?: string) =>
  execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: time, GIT_COMMITTER_DATE: time, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' }, stdio: 'ignore' });
const put = (path: string, text: string) => {
  mkdirSync(dirname(join(repo, path)), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const commit = (time: string) => {
  run(['add', '-A']);
  run(['commit', '-q', '-m', time], time);
};
const translation = (page: string, date: string) => `---\ntitle: Titel\ntranslation:\n  from: { page: ${page}, date: ${date} }\n  reviewed: false\n---\nTekst\n`;
const strings = (values: Record<string, string>) => `${JSON.stringify(values, null, 2)}\n`;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'translation-report-'));
  run(['init', '-q']);
  put('src/content/pages/hulp.mdx', '---\ntitle: Hulp\n---\nVersie 1\n');
  put('src/content/pages/noodnummers.mdx', '---\ntitle: Nummers\n---\nVersie 1\n');
  put('src/i18n/nl.json', strings({ 'home.title': 'Hulp', 'home.text': 'Bel ons' }));
  put('src/i18n/fr.json', strings({ 'home.title': 'Aide', 'home.text': 'Appelez-nous' }));
  put('src/i18n/en.json', strings({ 'home.title': 'Help', 'home.text': 'Call us' }));
  commit('2026-12-07T09:00:00+01:00');
  put('src/content/translations/fr/hulp.mdx', translation('hulp', '2026-12-07'));
  put('src/content/translations/fr/noodnummers.mdx', translation('noodnummers', '2026-12-07'));
  put('src/content/translations/fr/index.mdx', translation('index', '2026-12-07'));
  commit('2026-12-07T10:00:00+01:00');
  // Later the same day: one Dutch page and one Dutch string change.
  put('src/content/pages/hulp.mdx', '---\ntitle: Hulp\n---\nVersie 2\n');
  put('src/i18n/nl.json', strings({ 'home.title': 'Hulp', 'home.text': 'Bel ons gratis' }));
  commit('2026-12-07T15:00:00+01:00');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('translation report (npm run build)', () => {
  it('catches a Dutch edit later the same day, and only on the page it touched', () => {
    const rows = translationReport({ cwd: repo });
    expect(rows.filter((r) => r.stale).map((r) => `${r.lang}/${r.file}`)).toEqual(['fr/hulp.mdx']);
    expect(rows.find((r) => r.file === 'hulp.mdx')?.changed).toBe('2026-12-07T14:00:00.000Z');
  });

  it('flags only the changed key of nl.json, in every language that has it', () => {
    expect(staleStrings({ cwd: repo }).map((s) => `${s.lang} ${s.key}`)).toEqual(['en home.text', 'fr home.text']);
  });

  it('clears a page once its translation says it follows the new Dutch, and a string once it is translated again', () => {
    put('src/content/translations/fr/hulp.mdx', translation('hulp', '2026-12-07').replace('Tekst', 'Texte 2'));
    // Only the text changed: the translator did not say it follows the new Dutch.
    commit('2026-12-07T16:00:00+01:00');
    expect(translationReport({ cwd: repo }).find((r) => r.file === 'hulp.mdx')?.stale).toBe(true);
    put('src/content/translations/fr/hulp.mdx', translation('hulp', '2026-12-08').replace('Tekst', 'Texte 2'));
    put('src/i18n/fr.json', strings({ 'home.title': 'Aide', 'home.text': 'Appelez-nous gratuitement' }));
    commit('2026-12-08T09:00:00+01:00');
    expect(translationReport({ cwd: repo }).filter((r) => r.stale)).toEqual([]);
    expect(staleStrings({ cwd: repo }).map((s) => `${s.lang} ${s.key}`)).toEqual(['en home.text']);
  });

  it('counts an uncommitted change as made now', () => {
    const now = Date.parse('2026-12-09T12:00:00Z');
    put('src/i18n/nl.json', strings({ 'home.title': 'Hulp nu', 'home.text': 'Bel ons gratis' }));
    expect(keyTimes('src/i18n/nl.json', { cwd: repo, now }).get('home.title')).toBe(now);
    expect(staleStrings({ cwd: repo, now }).map((s) => `${s.lang} ${s.key}`).sort()).toEqual(['en home.text', 'en home.title', 'fr home.title']);
  });

  it('sees a new from.date in the block layout the editor writes', () => {
    const block = (date: string) => `---\ntitle: Titel\ntranslation:\n  from:\n    page: noodnummers\n    date: ${date}\n  reviewed: false\n---\nTekst\n`;
    put('src/content/translations/fr/noodnummers.mdx', block('2026-12-07'));
    commit('2026-12-10T08:00:00+01:00');
    put('src/content/pages/noodnummers.mdx', '---\ntitle: Nummers\n---\nVersie 2\n');
    commit('2026-12-10T09:00:00+01:00');
    expect(translationReport({ cwd: repo }).find((r) => r.file === 'noodnummers.mdx')?.stale).toBe(true);
    // Only the date line changes: `from:` stays as it was.
    put('src/content/translations/fr/noodnummers.mdx', block('2026-12-10'));
    commit('2026-12-10T11:00:00+01:00');
    expect(translationReport({ cwd: repo }).find((r) => r.file === 'noodnummers.mdx')?.stale).toBe(false);
  });

  it('counts a page as reviewed only as the page itself does: the reviewer\'s role, and no text edit since', () => {
    put('src/content/reviewers.yaml', 'languages:\n  fr: { team: "@veilighuis/vertaling-fr", role: "nalezer Frans" }\n');
    const reviewed = (body: string) => translation('index', '2026-12-07').replace('  reviewed: false', '  reviewed: true\n  reviewedBy: nalezer Frans, 2027-01-15').replace('Tekst', body);
    put('src/content/translations/fr/index.mdx', reviewed('Tekst'));
    commit('2026-12-11T09:00:00+01:00');
    expect(translationReport({ cwd: repo }).find((r) => r.file === 'index.mdx')).toMatchObject({ reviewed: true, notice: null });
    put('src/content/translations/fr/index.mdx', reviewed('Tekst, later veranderd'));
    commit('2026-12-11T10:00:00+01:00');
    expect(translationReport({ cwd: repo }).find((r) => r.file === 'index.mdx')).toMatchObject({ reviewed: false, notice: 'unreviewed' });
  });

  it('reads the real translations and finds their Dutch pages', () => {
    const rows = translationReport();
    expect(rows.length).toBeGreaterThanOrEqual(36);
    expect(rows.every((r) => r.page && r.from)).toBe(true);
  });
});
