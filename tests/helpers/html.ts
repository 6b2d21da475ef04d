import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from './dist';

/** The built HTML of a site path like `/centra/antwerpen/`. */
export function builtPage(path: string): string {
  return readFileSync(join(distDir, path, path.endsWith('/') ? 'index.html' : ''), 'utf8');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Text a reader sees in a piece of HTML: tags removed, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/g, ' ')
    // Inline tags join their text to the words around them; every other tag separates.
    .replace(/<\/?(a|strong|em|b|i|bdi|span|time|code|abbr|small)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) =>
      name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') && !(name in ENTITIES) ? String.fromCodePoint(Number(name.slice(1))) : ENTITIES[name] ?? whole,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The HTML of <main>. */
export function mainOf(html: string): string {
  const match = /<main\b[\s\S]*?<\/main>/.exec(html);
  if (!match) throw new Error('page has no <main>');
  return match[0];
}

/** The HTML from the heading with this id up to the next heading of the same level (or the end of main). */
export function sectionOf(html: string, id: string): string {
  const main = mainOf(html);
  const start = main.search(new RegExp(`<h([1-6])[^>]*\\bid="${id}"`));
  if (start < 0) throw new Error(`no heading with id "${id}"`);
  const level = main[start + 2];
  const rest = main.slice(start + 1);
  const end = rest.search(new RegExp(`<h[1-${level}][\\s>]`));
  return end < 0 ? main.slice(start) : main.slice(start, start + 1 + end);
}

/** Rows of the first table in a piece of HTML, as arrays of cell texts. */
export function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((row) => [...row[0].matchAll(/<t[hd]\b[\s\S]*?<\/t[hd]>/g)].map((c) => textOf(c[0])));
}
