/**
 * What a language's reviewer approved, as far as the repository knows it. The review is the
 * commit that last changed `translation.reviewed`/`reviewedBy` on the main line (first parent):
 * the editor's pull request, squash-merged, which .github/CODEOWNERS lets through only with the
 * approval of that language's team. The review holds while the page's words and the Dutch they
 * follow are what they were in that commit.
 *
 * Git is the record rather than a hash in the front matter: the editor (/admin/) cannot run a
 * script, so a reviewer who ticks "Nagelezen" there would never write a hash, and a hash anyone
 * can compute proves no more than the commit does. Without a full history (a shallow clone, no
 * git) nothing counts as reviewed: the page then says it is not yet reviewed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** Since the review: did the page's own words change, did the Dutch it follows change? */
export interface ReviewSince {
  text: boolean;
  dutch: boolean;
}

/** Pages whose words are strings, not MDX: the home page and the municipality answer. */
const STRING_PAGES: Record<string, string> = { index: 'home.', gemeenten: 'lookup.' };

/** The Dutch page a translation follows (`src/content/pages/<page>.mdx`); null for a page whose words are all strings. */
export function dutchPage(page: string): string | null {
  return STRING_PAGES[page] ? null : `src/content/pages/${page}.mdx`;
}

type Read = (path: string) => string | null;

/** A page's front matter (an empty object when it has none) and body; also for scripts/lib/translation-report.mjs. */
export function frontAndBody(source: string): { front: Record<string, any>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return { front: {}, body: source };
  const front = yaml.load(match[1]);
  return { front: front && typeof front === 'object' ? (front as Record<string, any>) : {}, body: match[2] };
}

/** What a reader reads of a page: title, description, tab title and text (line ends and outer space aside). */
export function pageWords(source: string | null): string | null {
  if (source === null) return null;
  const { front, body } = frontAndBody(source);
  return JSON.stringify([front.title ?? null, front.description ?? null, front.neutralTitle ?? null, body.replace(/\r\n/g, '\n').trim()]);
}

/** The strings of a string file under a prefix (`home.`), in a fixed order. */
export function stringWords(source: string | null, prefix: string): string | null {
  if (source === null) return null;
  try {
    const data = JSON.parse(source) as Record<string, unknown>;
    return JSON.stringify(Object.keys(data).filter((k) => k.startsWith(prefix)).sort().map((k) => [k, data[k]]));
  } catch {
    return null;
  }
}

/** The review as the file states it: `reviewed` and `reviewedBy`, however the YAML is laid out. */
export function reviewClaim(source: string | null): string | null {
  if (source === null) return null;
  const t = frontAndBody(source).front.translation ?? {};
  return JSON.stringify([t.reviewed === true, String(t.reviewedBy ?? '')]);
}

/** The words a review covers and the Dutch they follow, read through `read`. */
function wordsOf(read: Read, lang: string, page: string): { text: string | null; dutch: string | null } {
  const own = pageWords(read(`src/content/translations/${lang}/${page}.mdx`));
  const prefix = STRING_PAGES[page];
  if (prefix) return { text: JSON.stringify([own, stringWords(read(`src/i18n/${lang}.json`), prefix)]), dutch: stringWords(read('src/i18n/nl.json'), prefix) };
  return { text: own, dutch: pageWords(read(dutchPage(page)!)) };
}

/** Git's output in `cwd`, or null when git fails (no repository, unknown revision); also for scripts/lib/translation-report.mjs. */
export const git = (cwd: string, args: string[]): string | null => {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return null;
  }
};

/** Answers by what they depend on: the commit checked out and the words on disk (a build asks once per rendered page). */
const answered = new Map<string, ReviewSince | null>();

/**
 * For a translation id (`fr/hulp`): what changed since its review, or null when git cannot
 * tell (no repository, or a shallow one). A review not committed yet covers the words as
 * they are now (a local preview).
 */
export function reviewSince(id: string, { cwd = '.' }: { cwd?: string } = {}): ReviewSince | null {
  const [lang, page] = id.split('/');
  const file = `src/content/translations/${lang}/${page}.mdx`;
  const now: Read = (p) => (existsSync(join(cwd, p)) ? readFileSync(join(cwd, p), 'utf8') : null);
  const [shallow, head] = (git(cwd, ['rev-parse', '--is-shallow-repository', 'HEAD']) ?? '').split('\n');
  if (shallow !== 'false') return null;
  const claim = reviewClaim(now(file));
  const current = wordsOf(now, lang, page);
  const key = JSON.stringify([cwd, head, id, claim, current]);
  if (!answered.has(key)) answered.set(key, fromHistory(cwd, file, claim, current, lang, page));
  return answered.get(key)!;
}

function fromHistory(cwd: string, file: string, claim: string | null, current: { text: string | null; dutch: string | null }, lang: string, page: string): ReviewSince {
  const at = (commit: string): Read => (p) => git(cwd, ['show', `${commit}:${p}`]);
  let review: string | undefined;
  for (const commit of (git(cwd, ['log', '--first-parent', '--format=%H', '--', file]) ?? '').split('\n').filter(Boolean)) {
    if (reviewClaim(at(commit)(file)) !== claim) break;
    review = commit;
  }
  if (!review) return { text: false, dutch: false };
  const then = wordsOf(at(review), lang, page);
  return { text: then.text !== current.text, dutch: then.dutch !== current.dutch };
}
