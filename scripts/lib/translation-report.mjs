// Which translations are older than the Dutch they follow, per page and per string, to
// the second. A translated page (src/content/translations/<lang>/<page>.mdx) follows its
// Dutch page (src/content/pages/<page>.mdx): it is older when the Dutch file changed after
// the commit that last set the translation's `translation.from`, or on a later day than
// `from.date` says. A string (src/i18n/<lang>.json) follows the same key in nl.json: it
// is older when the Dutch value changed after the translated value last did, so an edit
// of one Dutch key flags that key in each language and nothing else. The home page and
// the municipality answer have no Dutch text of their own: their words are strings.
// Uncommitted changes count as made now. A page counts as reviewed exactly when the page
// itself says so (src/lib/translation-status.ts, src/lib/translation-review.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { languageReviewers, translationNotice } from '../../src/lib/translation-status.ts';
import { dutchPage, frontAndBody, git, reviewSince } from '../../src/lib/translation-review.ts';

/** The Dutch files a translated page follows; none for pages whose words are all strings. */
export function dutchSources(page) {
  const dutch = dutchPage(page);
  return dutch === null ? [] : [dutch];
}

/** Has the file uncommitted changes (or is it not in git at all)? */
function changedNow(cwd, file) {
  const status = git(cwd, ['status', '--porcelain', '--', file]);
  return status === null || status.trim() !== '';
}

/** Milliseconds of the last change to any of the files: the last commit, or `now` when one has uncommitted changes. */
export function lastChange(files, { cwd = '.', now = Date.now() } = {}) {
  if (files.length === 0) return null;
  if (files.some((f) => changedNow(cwd, f))) return now;
  const time = git(cwd, ['log', '-1', '--format=%cI', '--', ...files])?.trim();
  return time ? Date.parse(time) : null;
}

/**
 * For each added line matching `pattern` in the file's history, newest first: the time
 * of the commit that last wrote it, keyed by the pattern's first group (or `''`).
 * Lines added in the working tree count as written now.
 */
function lineTimes(cwd, file, pattern, now) {
  const times = new Map();
  const take = (line, time) => {
    const m = pattern.exec(line.slice(1));
    if (m && !times.has(m[1] ?? '')) times.set(m[1] ?? '', time);
  };
  for (const line of (git(cwd, ['diff', '--unified=0', 'HEAD', '--', file]) ?? '').split('\n')) if (line.startsWith('+')) take(line, now);
  if (changedNow(cwd, file) && git(cwd, ['ls-files', '--', file])?.trim() === '') {
    // Not in git yet: every line is new.
    for (const line of readFileSync(join(cwd, file), 'utf8').split('\n')) take(`+${line}`, now);
  }
  let time = null;
  for (const line of (git(cwd, ['log', '--format=@@@%cI', '-p', '--unified=0', '--', file]) ?? '').split('\n')) {
    if (line.startsWith('@@@')) time = Date.parse(line.slice(3));
    else if (line.startsWith('+') && !line.startsWith('+++') && time !== null) take(line, time);
  }
  return times;
}

/** When each key of a string file last got its value: `{ "home.title": 1764…, … }`. */
export function keyTimes(file, { cwd = '.', now = Date.now() } = {}) {
  return lineTimes(cwd, file, /^\s*"([^"]+)"\s*:/, now);
}

/**
 * When the translation's `from` was last written (the translator's "I translated this Dutch"):
 * its line, or in the block layout the editor writes, its `page:` or `date:` line.
 */
export function translatedAt(file, { cwd = '.', now = Date.now() } = {}) {
  return lineTimes(cwd, file, /^\s*(?:from|page|date):/, now).get('') ?? now;
}

const day = (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value ? String(value) : undefined);
const dayOf = (ms) => (ms === null ? null : new Date(ms).toISOString().slice(0, 10));

/** One row per translated page: where it comes from, whether it was reviewed, whether it is older than its Dutch. */
export function translationReport({ cwd = '.', now = Date.now(), root = 'src/content/translations' } = {}) {
  const rows = [];
  const dir = join(cwd, root);
  const reviewers = existsSync(join(cwd, 'src/content/reviewers.yaml')) ? languageReviewers(join(cwd, 'src/content/reviewers.yaml')) : {};
  // Each language follows the same Dutch page: ask git about it once per report, not once per language.
  const dutchChanged = new Map();
  const changedOf = (page) => {
    if (!dutchChanged.has(page)) dutchChanged.set(page, lastChange(dutchSources(page), { cwd, now }));
    return dutchChanged.get(page);
  };
  for (const lang of existsSync(dir) ? readdirSync(dir).sort() : []) {
    for (const file of readdirSync(join(dir, lang)).filter((f) => f.endsWith('.mdx')).sort()) {
      const path = `${root}/${lang}/${file}`;
      const { front } = frontAndBody(readFileSync(join(cwd, path), 'utf8'));
      const page = front.translation?.from?.page;
      const from = day(front.translation?.from?.date);
      const changed = page ? changedOf(page) : null;
      const translated = translatedAt(path, { cwd, now });
      const stale = changed !== null && (changed > translated || (from !== undefined && dayOf(changed) > from));
      const id = `${lang}/${file.replace(/\.mdx$/, '')}`;
      const notice = translationNotice(lang, front.translation, reviewers[lang], () => reviewSince(id, { cwd }));
      rows.push({ lang, file, page, from, changed: changed === null ? null : new Date(changed).toISOString(), reviewed: notice === null, notice, stale });
    }
  }
  return rows;
}

/** Every translated string whose Dutch value changed after it: `{ lang, key, dutch, translated }` (ISO times). */
export function staleStrings({ cwd = '.', now = Date.now(), dir = 'src/i18n' } = {}) {
  const dutch = keyTimes(`${dir}/nl.json`, { cwd, now });
  const rows = [];
  for (const file of readdirSync(join(cwd, dir)).filter((f) => f.endsWith('.json') && f !== 'nl.json').sort()) {
    const own = keyTimes(`${dir}/${file}`, { cwd, now });
    const keys = Object.keys(JSON.parse(readFileSync(join(cwd, dir, file), 'utf8')));
    for (const key of keys) {
      const d = dutch.get(key);
      const t = own.get(key);
      if (d !== undefined && t !== undefined && d > t) rows.push({ lang: file.replace(/\.json$/, ''), key, dutch: new Date(d).toISOString(), translated: new Date(t).toISOString() });
    }
  }
  return rows;
}
