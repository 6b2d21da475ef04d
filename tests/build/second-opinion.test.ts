import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { listPages, urlOf } from '../../bench/lib/page-weight.mjs';
import { distDir } from '../helpers/dist';

/**
 * What a second accessibility audit found in the built HTML that axe does not:
 * pages that share a tab title (2.4.2), <meta> inside <body> (invalid HTML), and
 * municipality names run into their postcodes in the text a screen reader reads.
 */
const pages = listPages(distDir, ['pagefind', '_astro', 'admin']).map((file: string) => ({ url: urlOf(file), html: readFileSync(join(distDir, file), 'utf8') }));

it('every page a reader can reach has its own tab title', () => {
  const byTitle = new Map<string, string[]>();
  for (const { url, html } of pages) {
    // The confirmation pages (one per centre and outcome) are reached only by sending a form,
    // and say "Verzonden" whatever the centre: the intake's pages, not a place to navigate to.
    if (url === '/404.html' || /\/verzonden\//.test(url)) continue;
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    byTitle.set(title, [...(byTitle.get(title) ?? []), url]);
  }
  const shared = [...byTitle].filter(([, urls]) => urls.length > 1).map(([title, urls]) => `${title}: ${urls.join(', ')}`);
  expect(shared).toEqual([]);
});

it('no <meta> inside <body> (the after-paint loader\'s markers sit in <head>)', () => {
  const invalid = pages.filter(({ html }) => /<meta\b/i.test(html.slice(html.search(/<body\b/i)))).map(({ url }) => url);
  expect(invalid).toEqual([]);
});

it('/gemeenten/ separates each name from its postcodes in the text', () => {
  const html = pages.find(({ url }) => url === '/gemeenten/')!.html;
  const lists = [...html.matchAll(/<ul class="municipality-index">([\s\S]*?)<\/ul>/g)].map((m) => m[1]).join('');
  const text = lists.replace(/<[^>]+>/g, '');
  expect(text).toMatch(/Aartselaar 2630/);
  expect(text).not.toMatch(/[A-Za-z]\d{4}/);
});
