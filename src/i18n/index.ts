import nl from './nl.json';
import makkelijk from './makkelijk.json';
import fr from './fr.json';
import en from './en.json';
import ar from './ar.json';
import tr from './tr.json';
import pl from './pl.json';
import type { Lang } from './languages';

/** Every UI string key that exists; keys are flat and dotted, e.g. `layout.skipLink`. */
export type UiKey = keyof typeof nl;
export type { Lang } from './languages';

type Params = Record<string, string | number>;

// Other languages carry the chrome and victim-path keys; keys of Dutch-only pages
// (professionals, forms) exist in nl.json alone (tests/unit/i18n.test.ts keeps the list).
// Only the server side (the build, tests) renders other languages; in the browser only the
// intake form uses t(), in Dutch, so the bundler drops the other files from its chunk.
const catalogs: Partial<Record<Lang, Record<string, string>>> = import.meta.env?.SSR === false ? { nl } : { nl, makkelijk, fr, en, ar, tr, pl };

/** Does this language have its own wording for the key (not the Dutch fallback)? */
export function hasString(key: string, lang: Lang = 'nl'): boolean {
  return catalogs[lang]?.[key] !== undefined;
}

/**
 * Looks up a UI string and fills `{name}` placeholders: `t(key)`, `t(key, params)`,
 * `t(key, lang)` or `t(key, lang, params)`. A key a language does not carry falls
 * back to Dutch; a key Dutch does not have throws, so a typo fails the build
 * instead of showing a raw key.
 */
export function t(key: UiKey, lang?: Lang | Params, params?: Params): string;
export function t(key: UiKey, langOrParams: Lang | Params = 'nl', maybeParams: Params = {}): string {
  const lang = typeof langOrParams === 'string' ? langOrParams : 'nl';
  const params = typeof langOrParams === 'string' ? maybeParams : langOrParams;
  const template = catalogs[lang]?.[key] ?? (nl as Record<string, string>)[key];
  if (template === undefined) throw new Error(`missing UI string "${key}" in src/i18n/nl.json`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
