import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/dist';
import { builtPage, mainOf, textOf } from '../helpers/html';
import { languages, localPath, splitPath, translatedLanguages } from '../../src/i18n/languages';
import { KB, PAGE_BUDGET, measurePage } from '../../bench/lib/page-weight.mjs';

/**
 * The victim path in every language, as built: each page exists with its own
 * lang/dir, names its other language versions, has the quick exit in the reader's
 * words, and tells the same numbers and hours as the Dutch page, because they come
 * from the same data (src/content/helplines, the centres) and never from a translation.
 */
const strings = (code: string): Record<string, string> => JSON.parse(readFileSync(`src/i18n/${code}.json`, 'utf8'));
const nl = strings('nl');
const textPages = ['/', '/hulp/', '/noodnummers/', '/veilig-online/', '/wat-is-ifg/', '/gemeenten/'];
const centres = ['antwerpen', 'halle-vilvoorde', 'kempen', 'leuven', 'limburg', 'mechelen', 'noord-west-vlaanderen', 'oost-vlaanderen', 'zuid-west-vlaanderen'];
const answers = [...centres.map((c) => `/gemeenten/centrum-${c}/`), '/gemeenten/brussel/'];

const attr = (html: string, tag: string, name: string) => new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(html)?.[1];
const telLinks = (html: string) => [...html.matchAll(/<a\b[^>]*href="tel:([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ dials: m[1], shows: textOf(m[2]) }));
/** <main> without the lines a translated page adds (review status, the Dutch-only note with 1712). */
const contentOf = (html: string) => mainOf(html).replace(/<p class="(translation-status|dutch-only)"[\s\S]*?<\/p>/g, '');
/**
 * Every number a reader is told: phone numbers (in groups), clock hours (9:00 counts as 9), years and
 * figures, grouped the way each language groups thousands (27.000, 27,000, 27 000, 27٬000).
 */
// textOf turns no-break spaces into spaces: they are read as the group mark first.
const numbersIn = (html: string) => new Set((textOf(contentOf(html).replace(/[\u00a0\u202f]/g, '\u066c')).match(/\d+(?:[.:]\d+|[,\u00a0\u202f\u066c]\d{3}(?!\d))*/g) ?? []).map((n) => n.replace(/:00$/, '').replace(/[.,\u00a0\u202f\u066c]/g, '')));
const sorted = (s: Iterable<string>) => [...s].sort();

describe('victim path in every language', () => {
  it('builds every page of the victim path, and the municipality answer per centre, in every language', () => {
    const missing = translatedLanguages.flatMap((l) => [...textPages, '/zoeken/', ...answers].map((p) => localPath(p, l.code)))
      .filter((p) => !existsSync(join(distDir, p, 'index.html')));
    expect(missing).toEqual([]);
  });

  for (const lang of languages) {
    describe(`${lang.name} (${lang.code})`, () => {
      const own = strings(lang.code);
      const pages = [...textPages, ...(lang.code === 'nl' ? [] : answers)].map((p) => localPath(p, lang.code));

      it(`says lang="${lang.htmlLang}" dir="${lang.dir}" on every page`, () => {
        for (const path of pages) {
          const html = builtPage(path);
          expect([attr(html, 'html', 'lang'), attr(html, 'html', 'dir')], path).toEqual([lang.htmlLang, lang.dir]);
        }
      });

      if (lang.dir === 'rtl') it('joins Arabic words with the Arabic comma, never an ASCII comma (lists from the data too)', () => {
        for (const path of pages) {
          const text = textOf(builtPage(path));
          expect(text.match(/\S*[\u0600-\u06ff]\S*\s*,\s*\S+|\S+\s*,\s*\S*[\u0600-\u06ff]\S*/g) ?? [], path).toEqual([]);
        }
      });

      if (lang.code === 'fr') it('says hours the French way (9 h), never 9:00', () => {
        for (const path of pages) expect(textOf(mainOf(builtPage(path))).match(/\b\d{1,2}:\d{2}\b/g) ?? [], path).toEqual([]);
      });

      it('puts the quick exit first, in the reader\'s words, with its explanation in the same language', () => {
        for (const path of pages) {
          const html = builtPage(path);
          const body = html.slice(html.indexOf('<body'));
          expect(/<a\b[^>]*>([^<]*)/.exec(body)?.[1], path).toBe(own['layout.quickExitSkip'] ?? nl['layout.quickExitSkip']);
          expect(body, path).toContain(`data-msg-press-two-more="${own['quickExit.pressTwoMore']}"`);
          expect(body, path).toContain(`data-quick-exit-link>${own['layout.quickExit']}`);
          expect(body, path).toContain(`href="${localPath('/veilig-online/', lang.code)}#snel-weg"`);
        }
        expect(builtPage(localPath('/veilig-online/', lang.code))).toContain('id="snel-weg"');
      });

      it('names every language version of the page with hreflang, and each version exists and names this one back', () => {
        for (const path of textPages.map((p) => localPath(p, lang.code))) {
          const html = builtPage(path);
          const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => ({ hreflang: m[1], path: new URL(m[2]).pathname }));
          expect(sorted(alternates.map((a) => a.hreflang)), path).toEqual(sorted(['nl', 'fr', 'en', 'ar', 'tr', 'pl', 'x-default']));
          for (const a of alternates) {
            expect(existsSync(join(distDir, a.path, 'index.html')), `${path} -> ${a.path}`).toBe(true);
            // Easy-read Dutch shares the tag nl with Dutch, which keeps it: the others name Dutch, not it.
            const back = [...builtPage(a.path).matchAll(/<link rel="alternate" hreflang="[^"]+" href="([^"]+)"/g)].map((m) => new URL(m[1]).pathname);
            if (lang.code !== 'makkelijk') expect(back, `${a.path} names ${path}`).toContain(path);
          }
        }
      });

      it('offers every language in a plain link list, each named in itself with its own lang', () => {
        const html = builtPage(localPath('/hulp/', lang.code));
        const nav = /<nav class="languages"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
        const links = [...nav.matchAll(/<a href="([^"]+)" lang="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ href: m[1], lang: m[2], name: m[3] }));
        expect(links).toEqual(languages.map((l) => ({ href: localPath('/hulp/', l.code), lang: l.htmlLang, name: l.name })));
        expect(nav).toContain(`aria-current="true">${lang.name}`);
      });

      if (lang.code === 'nl') return;

      it('tells the same numbers and hours as the Dutch page, every number dialling what it shows', () => {
        for (const page of textPages) {
          const html = builtPage(localPath(page, lang.code));
          const dutch = builtPage(page);
          const path = localPath(page, lang.code);
          expect(sorted(numbersIn(html)), path).toEqual(sorted(numbersIn(dutch)));
          expect(sorted(new Set(telLinks(contentOf(html)).map((l) => l.dials))), path).toEqual(sorted(new Set(telLinks(contentOf(dutch)).map((l) => l.dials))));
          for (const link of telLinks(html)) expect(link.shows.replace(/\s/g, ''), path).toBe(link.dials);
        }
      });

      it('gives 1712\'s hours and what a call is like wherever 1712 is named', () => {
        for (const path of pages) {
          const html = builtPage(path);
          if (!html.includes('href="tel:1712"')) continue;
          expect(textOf(html), path).toContain(own['helpline.1712.hours']);
          expect(textOf(html), path).toContain(own['helpline.1712.callShort']);
        }
      });

      it('answers per centre with the victim lines and the centre, never a professionals\' line as a number to call', () => {
        for (const c of centres) {
          const path = localPath(`/gemeenten/centrum-${c}/`, lang.code);
          const main = mainOf(builtPage(path));
          const dials = new Set(telLinks(main).map((l) => l.dials));
          expect(sorted(dials), path).toEqual(['101', '112', '1712']);
          expect(main, path).toContain(`href="/centra/${c}/" hreflang="nl"`);
        }
        const brussels = builtPage(localPath('/gemeenten/brussel/', lang.code));
        const dutchBrussels = builtPage('/gemeenten/elsene/');
        expect(sorted(numbersIn(brussels)).filter((n) => n.length >= 3 || /^(9|19)$/.test(n)), 'Brussels answer').toEqual(
          sorted(numbersIn(dutchBrussels)).filter((n) => (n.length >= 3 || /^(9|19)$/.test(n)) && !/^1\d{3}$/.test(n) || n === '1712'),
        );
      });

      it('says on every translated page, in its language, that a native speaker has not yet checked it', () => {
        for (const path of pages) expect(textOf(builtPage(path)), path).toContain(own['i18n.unreviewed']);
      });

      it('says that the centre, professionals\' and form pages are in Dutch, and where to call', () => {
        const html = textOf(builtPage(localPath('/hulp/', lang.code)));
        expect(html).toContain(own['i18n.dutchOnly']);
        expect(builtPage(localPath('/hulp/', lang.code))).toMatch(/class="dutch-only"[\s\S]*?href="tel:1712"/);
      });

      it(`stays within the ${PAGE_BUDGET / KB} KB page budget`, () => {
        const over = [...pages, localPath('/zoeken/', lang.code)].map((p) => measurePage(distDir, join(p.slice(1), 'index.html'))).filter((m) => m.gzip > PAGE_BUDGET);
        expect(over.map((m) => `${m.page} ${(m.gzip / KB).toFixed(1)} KB`)).toEqual([]);
      });
    });
  }

  it('writes short sentences in Makkelijk Nederlands: at most 15 words, about 10 on average', () => {
    const sentences = ['/hulp/', '/noodnummers/', '/veilig-online/', '/wat-is-ifg/'].flatMap((p) => {
      const main = mainOf(builtPage(localPath(p, 'makkelijk')))
        .replace(/<p class="(translation-status|dutch-only)"[\s\S]*?<\/p>/g, '');
      return textOf(main.replace(/<\/(p|li|h[1-6])>/g, '.</$1>')).split(/(?<=[.?!:])\s+/).map((s) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length).filter((n) => n > 0);
    });
    const average = sentences.reduce((a, b) => a + b, 0) / sentences.length;
    expect(Math.max(...sentences)).toBeLessThanOrEqual(15);
    expect(average).toBeLessThan(10.5);
  });

  it('has a not-found page in every language, served for a missing address in its folder, linking only to pages in that language', () => {
    const toml = readFileSync('netlify.toml', 'utf8');
    for (const l of translatedLanguages) {
      const path = localPath('/404/', l.code);
      const html = builtPage(path);
      expect(attr(html, 'html', 'lang'), path).toBe(l.htmlLang);
      expect(textOf(mainOf(html)), path).toContain(strings(l.code)['notFound.title']);
      expect(html, path).toContain(`data-quick-exit-link>${strings(l.code)['layout.quickExit']}`);
      const links = [...mainOf(html).matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
      expect(links.filter((href) => splitPath(href).lang !== l.code), path).toEqual([]);
      expect(toml).toMatch(new RegExp(`from = "/${l.path}/\\*"\\s+to = "/${l.path}/404/"\\s+status = 404`));
    }
  });

  it('says on a translated page when a link leads to a page in (plain) Dutch', () => {
    for (const l of translatedLanguages) {
      const footer = /<footer class="site-footer">[\s\S]*?<\/footer>/.exec(builtPage(localPath('/hulp/', l.code)))?.[0] ?? '';
      const privacy = /<a href="\/privacy\/"[^>]*>([^<]*)<\/a>/.exec(footer)?.[1] ?? '';
      expect(privacy, l.code).toContain(strings(l.code)['i18n.inDutch']);
      expect(textOf(mainOf(builtPage(localPath('/veilig-online/', l.code)))), l.code).toContain(strings(l.code)['i18n.inDutch']);
    }
  });

  it('writes a sitemap with the language versions of each page', () => {
    const sitemap = readFileSync(join(distDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toMatch(/<loc>[^<]*\/ar\/hulp\/<\/loc>(\s*<xhtml:link [^>]+\/>)+/);
    expect(sitemap).toMatch(/<xhtml:link rel="alternate" hreflang="fr" href="[^"]*\/fr\/noodnummers\/"\/>/);
    expect(sitemap).toContain('/centra/antwerpen/</loc>');
    expect(sitemap).not.toContain('404');
  });

  it('builds one search index per language, each with that language\'s pages', () => {
    const entry = JSON.parse(readFileSync(join(distDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(['ar', 'en', 'fr', 'nl', 'pl', 'tr']);
    // Home, four text pages, the municipality index and one answer per centre and for Brussels.
    for (const code of ['ar', 'en', 'fr', 'pl', 'tr']) expect(entry.languages[code].page_count, code).toBe(textPages.length + answers.length);
  });
});
