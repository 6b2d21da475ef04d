import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import nl from '../../src/i18n/nl.json' with { type: 'json' };
import { centreSchema } from '../../src/schemas/centre';
import { readEntries } from '../helpers/content';
import { distDir } from '../helpers/dist';
import { builtPage, mainOf, textOf } from '../helpers/html';
import { localPath, splitPath } from '../../src/i18n/languages';
import { t } from '../../src/i18n';

/**
 * The rules a person in danger depends on, checked on every built page: each number
 * dials what it shows, 1712 always comes with its hours and what a call is like, the
 * emergency numbers are one tap away, live "open now" only where a source gave exact
 * hours, and lines for professionals say so wherever a victim can read them.
 */
const pages = (function walk(dir: string): { path: string; html: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' || name === 'admin' ? [] : walk(full); // /admin/ is the editor, no public page
    if (!name.endsWith('.html')) return [];
    return [{ path: '/' + relative(distDir, full).split(sep).join('/').replace(/index\.html$/, ''), html: readFileSync(full, 'utf8') }];
  });
})(distDir);

const centres = readEntries('centres', ['.mdx']).map((e) => centreSchema.parse(e.data));
const proNumbers = centres.flatMap((c) => c.phoneLines.filter((l) => l.audience === 'professionelen').map((l) => l.number));
const wordsOnly = centres.flatMap((c) => c.phoneLines.filter((l) => l.hours.length === 0).map((l) => l.number));

/** A string in the language of the page at `path` (pages under /en/, /ar/, ... are in that language). */
const say = (path: string, key: keyof typeof nl) => t(key, splitPath(path).lang);

/** Digits a tel: link dials, written the way Belgians read them (+32 3 ... -> 03 ...). */
const dialled = (href: string) => href.replace(/^tel:/, '').replace(/^\+32/, '0').replace(/\D/g, '');

describe('every built page', () => {
  it('was found (the checks below run over the whole site)', () => {
    expect(pages.length).toBeGreaterThan(300);
  });

  it('makes every phone number its own link that dials exactly what it shows', () => {
    const wrong = pages.flatMap(({ path, html }) =>
      [...html.matchAll(/<a\b[^>]*href="(tel:[^"]*)"[^>]*>([\s\S]*?)<\/a>/g)]
        .filter(([, href, inner]) => dialled(href) !== textOf(inner).replace(/\D/g, '') || !/\d/.test(textOf(inner)))
        .map(([, href, inner]) => `${path}: "${textOf(inner)}" dials ${href}`),
    );
    expect(wrong).toEqual([]);
  });

  it('names 1712 only together with its hours and what a call is like', () => {
    const missing = pages
      .filter(({ html }) => /\b1712\b/.test(textOf(html)))
      .filter(({ path, html }) => !textOf(html).includes(say(path, 'helpline.1712.hours')) || !textOf(html).includes(say(path, 'helpline.1712.callShort')))
      .map(({ path }) => path);
    expect(missing).toEqual([]);
  });

  it('puts the emergency numbers page one tap away (the strip on every page)', () => {
    const without = pages.filter(({ path, html }) => !new RegExp(`<aside class="emergency"[\\s\\S]*?href="${localPath('/noodnummers/', splitPath(path).lang)}"[\\s\\S]*?</aside>`).test(html)).map(({ path }) => path);
    expect(without).toEqual([]);
  });

  it('gives one rule for 112 and 101: 101 for the police and violence now, 112 for the injured and fire', () => {
    const wrong = pages.filter(({ html }) => /\b112 of (de politie|101)\b|Bel 112 of 101/i.test(textOf(html))).map(({ path }) => path);
    expect(wrong).toEqual([]);
    for (const { path, html } of pages) {
      if (html.includes('href="tel:112"')) expect(textOf(html), path).toContain(say(path, 'helpline.112.short'));
      if (html.includes('href="tel:101"')) expect(textOf(html), path).toContain(say(path, 'helpline.101.short'));
    }
  });

  it('shows a live "open now" only for hours a source gave exactly', () => {
    for (const { path, html } of pages) {
      for (const [, data] of html.matchAll(/data-open-now="([^"]*)"/g)) {
        const schedule = JSON.parse(data.replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&amp;/g, '&')) as { hours: unknown[] };
        expect(schedule.hours.length, path).toBeGreaterThan(0);
      }
      for (const number of wordsOnly) {
        const card = html.split('<section').find((part) => part.includes(`>${number}<`));
        if (card) expect(card, `${path} ${number}`).not.toContain('data-open-now');
      }
    }
  });

  it('labels every line for professionals as such wherever it appears, and never gives one a live status on the answer for a municipality', () => {
    for (const { path, html } of pages) {
      if (!proNumbers.some((n) => html.includes(`>${n}<`))) continue;
      expect(textOf(html), path).toContain(nl['content.phoneForProfessionals']);
      if (path.startsWith('/gemeenten/')) expect(html, path).not.toContain('data-open-now');
    }
  });
});

describe('victim pages', () => {
  const victimPages = ['/', '/hulp/', '/noodnummers/', '/veilig-online/', '/wat-is-ifg/'];

  it('have tab titles that do not name violence or abuse', () => {
    for (const path of victimPages) {
      const title = /<title>([^<]*)<\/title>/.exec(builtPage(path))![1];
      expect(title, path).not.toMatch(/geweld|misbruik|mishandel|slachtoffer/i);
    }
  });

  it('link the emergency numbers page from home and the help page themselves, not only from the strip', () => {
    for (const path of ['/', '/hulp/']) expect(mainOf(builtPage(path)), path).toContain('href="/noodnummers/"');
  });

  it('use one form of address and one spelling of "je kunt"', () => {
    for (const path of [...victimPages, '/gemeenten/antwerpen/', '/gemeenten/elsene/', ...centres.map((_, i) => `/centra/${readEntries('centres', ['.mdx'])[i].id}/`)]) {
      // The title of the 2017 course "Je weren kan je leren" is a name, not our wording.
      const text = textOf(mainOf(builtPage(path))).replaceAll('Je weren kan je leren', '');
      expect(text, path).not.toMatch(/\bje kan\b|\bkan je\b|\bu kunt\b|\buw\b/i);
    }
  });

  it('explain or avoid the jargon a victim meets (spoor, casusregie, parket, frontoffice, triagetafel)', () => {
    for (const path of ['/hulp/', '/noodnummers/', '/wat-is-ifg/', '/veilig-online/', '/', '/gemeenten/kruisem/']) {
      const text = textOf(mainOf(builtPage(path)));
      expect(text, path).not.toMatch(/frontoffice|triagetafel/i);
      if (/\bparket\b/i.test(text)) expect(text, path).toMatch(/parket, de dienst van justitie|justitie \(het parket\)/);
    }
    for (const id of ['oost-vlaanderen', 'mechelen', 'halle-vilvoorde']) {
      const text = textOf(mainOf(builtPage(`/centra/${id}/`)));
      expect(text, id).not.toMatch(/triagetafel|frontoffice/i);
      if (/casusregisseur/.test(text)) expect(text, id).toMatch(/casusregisseur,? (een|zorgt|is|stemt)/);
    }
  });
});
