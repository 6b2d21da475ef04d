import nl from './nl.json';

/** Every UI string key that exists; keys are flat and dotted, e.g. `layout.skipLink`. */
export type UiKey = keyof typeof nl;

const strings: Record<string, string> = nl;

/**
 * Looks up a Dutch UI string and fills `{name}` placeholders.
 * An unknown key throws, so a typo fails the build instead of showing a raw key.
 */
export function t(key: UiKey, params: Record<string, string | number> = {}): string {
  const template = strings[key];
  if (template === undefined) throw new Error(`missing UI string "${key}" in src/i18n/nl.json`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
