/**
 * The languages of the site. Dutch lives at the root; every other language has
 * its own folder with the victim path in it. Adding a language is a matter of
 * files: one entry here, src/i18n/<code>.json and src/content/translations/<code>/
 * (see docs/vertalingen.md).
 */
export interface Language {
  /** Key of the string file, src/i18n/<code>.json, and of the translations folder. */
  code: string;
  /** First path segment of its pages (`en` -> /en/hulp/); empty for Dutch at the root. */
  path: string;
  /** BCP 47 tag for `<html lang>`, `hreflang` and Pagefind's index split. */
  htmlLang: string;
  /** Writing direction for `<html dir>`. */
  dir: 'ltr' | 'rtl';
  /** The language named in itself, for the language switcher. */
  name: string;
}

export const languages = [
  { code: 'nl', path: '', htmlLang: 'nl', dir: 'ltr', name: 'Nederlands' },
  // Easy-read Dutch is Dutch to a browser, a screen reader and Pagefind: same tag, own folder.
  { code: 'makkelijk', path: 'makkelijk-lezen', htmlLang: 'nl', dir: 'ltr', name: 'Makkelijk Nederlands' },
  { code: 'fr', path: 'fr', htmlLang: 'fr', dir: 'ltr', name: 'Français' },
  { code: 'en', path: 'en', htmlLang: 'en', dir: 'ltr', name: 'English' },
  { code: 'ar', path: 'ar', htmlLang: 'ar', dir: 'rtl', name: 'العربية' },
  { code: 'tr', path: 'tr', htmlLang: 'tr', dir: 'ltr', name: 'Türkçe' },
  { code: 'pl', path: 'pl', htmlLang: 'pl', dir: 'ltr', name: 'Polski' },
] as const satisfies readonly Language[];

export type Lang = (typeof languages)[number]['code'];

/** Languages other than Dutch: each has its own folder of translated pages. */
export const translatedLanguages = languages.filter((l) => l.code !== 'nl');

/** getStaticPaths of a page under src/pages/[lang]/: one page per translated language, with its code. */
export const translatedPaths = () => translatedLanguages.map((l) => ({ params: { lang: l.path }, props: { code: l.code } }));

/**
 * The pages of the victim path that exist in every language, by their Dutch id.
 * `''` is the home page, `gemeenten` the municipality answer. Everything else
 * (centre pages, professionals, forms) stays Dutch.
 */
export const victimPath = ['', 'hulp', 'noodnummers', 'veilig-online', 'wat-is-ifg', 'gemeenten'] as const;

export function language(code: string): Language {
  const found = languages.find((l) => l.code === code);
  if (!found) throw new Error(`unknown language "${code}" (src/i18n/languages.ts)`);
  return found;
}

export function isLang(code: string): code is Lang {
  return languages.some((l) => l.code === code);
}

/** The address of a Dutch path in a language: localPath('/hulp/', 'en') -> '/en/hulp/'. */
export function localPath(dutchPath: string, lang: string): string {
  const { path } = language(lang);
  return path ? `/${path}${dutchPath}` : dutchPath;
}

/** The language of an address and its Dutch path: '/en/hulp/' -> { lang: 'en', dutchPath: '/hulp/' }. */
export function splitPath(pathname: string): { lang: Lang; dutchPath: string } {
  const first = pathname.split('/')[1] ?? '';
  const found = languages.find((l) => l.path && l.path === first);
  if (!found) return { lang: 'nl', dutchPath: pathname };
  return { lang: found.code, dutchPath: pathname.slice(found.path.length + 1) || '/' };
}
