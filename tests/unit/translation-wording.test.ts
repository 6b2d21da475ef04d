import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import nl from '../../src/i18n/nl.json';
import { translatedLanguages } from '../../src/i18n/languages';
import { formatNumber } from '../../src/lib/dates';

/**
 * What a translation may not add to the Dutch: a number, an hour, a promise or a
 * prohibition. The facts come from the data; the sentences around them must say what
 * the Dutch says. What can be checked mechanically is checked here: the numbers of every
 * string and page, their writing in the reader's language, and the wordings reviewers
 * found wrong (so none comes back).
 */
const strings = (lang: string): Record<string, string> => JSON.parse(readFileSync(`src/i18n/${lang}.json`, 'utf8'));
const pages = (lang: string): string[] => readdirSync(`src/content/translations/${lang}`).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));

/** The words a reader sees of an MDX page: no frontmatter, imports, comments, tags or link targets. */
function pageText(mdx: string): string {
  return mdx
    .replace(/^---[\s\S]*?\n---/, '')
    .replace(/^import .*$/gm, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
}
const dutchPage = (page: string) => pageText(readFileSync(`src/content/pages/${page}.mdx`, 'utf8'));
const translatedPage = (lang: string, page: string) => pageText(readFileSync(`src/content/translations/${lang}/${page}.mdx`, 'utf8'));

/** Every number in a text by its value: 27.000, 27 000 and 27٬000 are 27000; 9:00 and 9 h are 9. */
function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:[.,\u00a0\u202f\u066c]\d{3}(?!\d))*(?::\d{2})?/g)]
    .map((m) => m[0].replace(/[.,\u00a0\u202f\u066c](?=\d{3})/g, '').replace(/:00$/, ''))
    .sort();
}

/** Written grouped in Dutch (27.000): the reader's language must group it its own way. */
const amountsIn = (text: string): number[] => [...text.matchAll(/\b\d{1,3}(?:\.\d{3})+\b/g)].map((m) => Number(m[0].replace(/\./g, '')));

/** Strings where a language says a number in words, as it should. */
const NUMBER_IN_WORDS = new Set(['ar:quickExit.pressTwoMore', 'ar:quickExit.pressOneMore']);

/**
 * A line's language is said only where a source says it (facts/sources): Écoute Violences
 * Conjugales is "for French-speaking Belgium", not "in French".
 */
const LANGUAGE_CLAIM = /\b(?:In het Frans|In French|En français|Po francusku|Fransızca)\s*:|بالفرنسية\s*:/i;

/** Wordings a reviewer found that change what a reader may do or expect; none may come back. */
const KNOWN_BAD: Record<string, Array<[RegExp, string]>> = {
  all: [
    [/Veilig Hui\S*\s*[("«„“]/, 'a gloss after the name ("safe house") reads as a shelter; say what the centres do'],
    [LANGUAGE_CLAIM, 'the language a line answers in, which no source gives (the source says "for French-speaking Belgium")'],
  ],
  fr: [[/ne devez pas dire/i, '"vous ne devez pas" forbids it; the Dutch says you do not have to']],
  makkelijk: [
    [/niets op je toestel/i, 'the phone keeps the pages visited; the Dutch says "niets in je browser"'],
    [/bewaren niet wat je zocht/i, 'promises more than the Dutch; say what remains in the history'],
    [/niemand mag zien/i, 'a prohibition the Dutch does not have ("die je niet wilt laten zien")'],
    [/land van Europa\b/i, '112 is said for the European Union, not Europe'],
    [/Die persoon ziet dan/i, 'the Dutch says "kan nog zien"'],
  ],
  tr: [[/Şiddetin çoğu/i, '"most", where the Dutch says "much"']],
  pl: [[/naduży/i, '"nadużycie" is misuse or fraud, not abuse of a person']],
  en: [[/Most families/i, 'the Dutch says "usually" (meestal), not a share of families']],
  ar: [
    [/لست مضطرًا/, 'masculine only'],
    [/مترددًا|قلقًا على/, 'masculine only'],
    [/هل تريد أن تتحدث|هل تفضّل التحدث|اتصل فورًا/, 'masculine only'],
    [/"أنا مهني"/, 'masculine only'],
  ],
};

describe.each(translatedLanguages.map((l) => l.code))('%s says no more than the Dutch', (lang) => {
  const own = strings(lang);

  it('has the same numbers and hours in every string as the Dutch string', () => {
    const differ = Object.entries(own)
      .filter(([key]) => !NUMBER_IN_WORDS.has(`${lang}:${key}`))
      .filter(([key, text]) => numbersIn(text).join(' ') !== numbersIn((nl as Record<string, string>)[key] ?? '').join(' '))
      .map(([key, text]) => `${key}: "${text}" (Dutch: "${(nl as Record<string, string>)[key]}")`);
    expect(differ).toEqual([]);
  });

  it.each(pages(lang).filter((p) => p !== 'index' && p !== 'gemeenten'))('has the numbers of the Dutch page %s, written the way the language writes them', (page) => {
    const dutch = dutchPage(page);
    const text = translatedPage(lang, page);
    expect(numbersIn(text)).toEqual(numbersIn(dutch));
    for (const amount of amountsIn(dutch)) expect(text).toContain(formatNumber(amount, lang));
  });

  it('uses none of the wordings reviewers found wrong', () => {
    const texts = [...Object.entries(own).map(([key, text]) => ({ where: key, text })), ...pages(lang).map((p) => ({ where: `${p}.mdx`, text: translatedPage(lang, p) }))];
    const found = texts.flatMap(({ where, text }) =>
      [...KNOWN_BAD.all, ...(KNOWN_BAD[lang] ?? [])].filter(([bad]) => bad.test(text)).map(([bad, why]) => `${where}: ${bad} (${why})`),
    );
    expect(found).toEqual([]);
  });
});

describe('the Dutch strings', () => {
  it('name a help line\'s language only where a source says it', () => {
    expect(Object.entries(nl).filter(([, text]) => LANGUAGE_CLAIM.test(text)).map(([key]) => key)).toEqual([]);
  });
});

describe('Arabic punctuation', () => {
  it('has no ASCII comma in Arabic text (strings and pages)', () => {
    const texts = [...Object.values(strings('ar')), ...pages('ar').map((p) => translatedPage('ar', p))];
    expect(texts.filter((t) => /[\u0600-\u06ff][^\n]*,|,[^\n]*[\u0600-\u06ff]/.test(t))).toEqual([]);
  });
});
