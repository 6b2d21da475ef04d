/**
 * The municipality lookup without JavaScript: the form posts what the reader typed and
 * gets a redirect to the answer's page, so the typed text never reaches the address bar
 * or the browser history (a GET form would put `?q=Borgerhout` in both).
 */
import { localPath, isLang, type Lang } from '../i18n/languages';
import { lookupMunicipality, type MunicipalityRecord } from './lookup';

/** Longer than any municipality name, alias or "postcode name"; the rest is not read. */
export const MAX_QUERY = 100;

/** Anchor of the "not found" note on the list page (MunicipalityLookup.astro). */
export const NOT_FOUND_ANCHOR = 'niet-gevonden';

/**
 * Where to send the reader: in Dutch the municipality's own page, in another language
 * the answer page of its centre (or of Brussels); when nothing matches, the full list.
 * Only ids from the list go into the address, never the query.
 */
export function lookupAnswerPath(query: string, lang: Lang, list: readonly MunicipalityRecord[]): string {
  const found = lookupMunicipality(query.slice(0, MAX_QUERY), list);
  if (found.kind === 'unknown') return `${localPath('/gemeenten/', lang)}#${NOT_FOUND_ANCHOR}`;
  const m = found.municipality;
  if (lang === 'nl') return `/gemeenten/${m.id}/`;
  return localPath(`/gemeenten/${m.centre ? `centrum-${m.centre}` : 'brussel'}/`, lang);
}

/** The form's fields: `q` (what was typed) and `lang` (the page's language, Dutch when unknown). */
export function readLookupForm(body: string): { query: string; lang: Lang } {
  const form = new URLSearchParams(body);
  const lang = form.get('lang') ?? 'nl';
  return { query: form.get('q') ?? '', lang: isLang(lang) ? lang : 'nl' };
}
