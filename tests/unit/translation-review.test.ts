import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { reviewSince } from '../../src/lib/translation-review';
import { translationNotice } from '../../src/lib/translation-status';

/**
 * A translation counts as reviewed only for the words its language's reviewer approved:
 * the review is the commit that set `reviewed`/`reviewedBy` (a pull request the language's
 * team approved), and it holds while the page's words and the Dutch it follows are those of
 * that commit. Each case is a throw-away git repository, as the editor's pull requests leave it.
 */
let repo: string;
const run = (args: string[], cwd = repo) =>
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' }, stdio: 'ignore' });
const put = (path: string, text: string, root = repo) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const commit = (message: string, cwd = repo) => {
  run(['add', '-A'], cwd);
  run(['commit', '-q', '--allow-empty', '-m', message], cwd);
};
const reviewer = { team: '@veilighuis/vertaling-fr', role: 'nalezer Frans' };
const page = (body: string, review = '  reviewed: false', title = 'Je cherche de l\'aide') =>
  `---\ntitle: ${title}\ndescription: Où trouver de l'aide, en quelques phrases.\ntranslation:\n  from: { page: hulp, date: 2026-12-07 }\n${review}\n---\n${body}\n`;
const REVIEWED = '  reviewed: true\n  reviewedBy: nalezer Frans, 2027-01-15';
const strings = (values: Record<string, string>) => `${JSON.stringify(values, null, 2)}\n`;
const FR = 'src/content/translations/fr/hulp.mdx';
const DUTCH = 'src/content/pages/hulp.mdx';

/** The notice the page shows, from what its file says now and what git knows. */
const notice = (file = FR, cwd = repo) => {
  const text = execFileSync('cat', [join(cwd, file)], { encoding: 'utf8' });
  const claims = /reviewed: true/.test(text) ? { reviewed: true, reviewedBy: /reviewedBy: (.*)/.exec(text)?.[1] } : { reviewed: false };
  const id = file.replace(/^src\/content\/translations\//, '').replace(/\.mdx$/, '');
  return translationNotice('fr', claims, reviewer, () => reviewSince(id, { cwd }));
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'translation-review-'));
  run(['init', '-q']);
  put(DUTCH, '---\ntitle: Ik zoek hulp\n---\nBel 1712.\n');
  put('src/i18n/nl.json', strings({ 'home.title': 'Hulp', 'home.text': 'Bel ons', 'lookup.title': 'Gemeente' }));
  put('src/i18n/fr.json', strings({ 'home.title': 'Aide', 'home.text': 'Appelez-nous', 'lookup.title': 'Commune' }));
  put(FR, page('Appelez le 1712.'));
  put('src/content/translations/fr/index.mdx', page('{/* home.* */}'));
  commit('translated');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('a translation is reviewed only through its reviewer\'s approval', () => {
  it('says "not yet reviewed" until the review is committed with the reviewer\'s role, and nothing once it is', () => {
    expect(notice()).toBe('unreviewed');
    put(FR, page('Appelez le 1712.', REVIEWED));
    commit('review: nalezer Frans');
    expect(notice()).toBeNull();
  });

  it('brings "not yet reviewed" back when the text changes after the review, committed or not', () => {
    put(FR, page('Appelez le 1712, gratuitement.', REVIEWED));
    expect(notice()).toBe('unreviewed');
    commit('text edit, review left as it was');
    expect(notice()).toBe('unreviewed');
    // The title is part of what the reviewer read too.
    put(FR, page('Appelez le 1712.', REVIEWED, 'Aide'));
    expect(notice()).toBe('unreviewed');
    put(FR, page('Appelez le 1712.', REVIEWED));
    expect(notice()).toBeNull();
  });

  it('counts a new review: the reviewer dates the review again in the pull request that holds the new text', () => {
    put(FR, page('Appelez le 1712, gratuitement.', REVIEWED.replace('2027-01-15', '2027-02-01')));
    commit('review again');
    expect(notice()).toBeNull();
  });

  it('stops claiming a review of the current Dutch when the Dutch changed after the review', () => {
    put(DUTCH, '---\ntitle: Ik zoek hulp\n---\nBel 1712, gratis.\n');
    commit('Dutch edit');
    expect(notice()).toBe('dutchChanged');
    // A new text and a new review together clear it; a text change alone says "not yet reviewed".
    put(FR, page('Appelez le 1712 : c\'est gratuit.', REVIEWED.replace('2027-01-15', '2027-02-01')));
    commit('follows the new Dutch, not reviewed yet');
    expect(notice()).toBe('unreviewed');
    put(FR, page('Appelez le 1712 : c\'est gratuit.', REVIEWED.replace('2027-01-15', '2027-03-01')));
    commit('reviewed');
    expect(notice()).toBeNull();
  });

  it('ties the home page\'s review to its strings: a changed translated string unreviews it, a changed Dutch string says the Dutch changed', () => {
    const HOME = 'src/content/translations/fr/index.mdx';
    put(HOME, page('{/* home.* */}', REVIEWED));
    commit('home reviewed');
    expect(notice(HOME)).toBeNull();
    // A string of another page changes nothing here.
    put('src/i18n/fr.json', strings({ 'home.title': 'Aide', 'home.text': 'Appelez-nous', 'lookup.title': 'Votre commune' }));
    commit('lookup string');
    expect(notice(HOME)).toBeNull();
    put('src/i18n/fr.json', strings({ 'home.title': 'Aide', 'home.text': 'Appelez-nous vite', 'lookup.title': 'Votre commune' }));
    expect(notice(HOME)).toBe('unreviewed');
    put('src/i18n/fr.json', strings({ 'home.title': 'Aide', 'home.text': 'Appelez-nous', 'lookup.title': 'Votre commune' }));
    put('src/i18n/nl.json', strings({ 'home.title': 'Hulp', 'home.text': 'Bel ons gratis', 'lookup.title': 'Gemeente' }));
    commit('Dutch home string');
    expect(notice(HOME)).toBe('dutchChanged');
  });

  it('claims no review when git cannot tell: a shallow clone', () => {
    const shallow = mkdtempSync(join(tmpdir(), 'translation-review-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow], { stdio: 'ignore' });
      expect(reviewSince('fr/hulp', { cwd: shallow })).toBeNull();
      expect(notice(FR, shallow)).toBe('unreviewed');
    } finally {
      rmSync(shallow, { recursive: true, force: true });
    }
  });

  it('never counts a review by someone else than the language\'s reviewer, whatever git says', () => {
    put(FR, page('Appelez le 1712 : c\'est gratuit.', '  reviewed: true\n  reviewedBy: redactie, 2027-03-01'));
    commit('someone else');
    expect(notice()).toBe('unreviewed');
  });
});
