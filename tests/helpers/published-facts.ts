/**
 * Every checkable value the site's content publishes about a centre, group, event or
 * line: phone numbers, e-mail addresses, dates, times of day, figures and place names.
 * Read straight from the content files (no build), so the facts ledger can be checked
 * in the unit project. What is not published (YAML comments, review dates, link
 * targets, layout numbers such as heading levels or "Spoor 2") is left out.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import { contentDir, readEntries } from './content';

export type FactKind = 'telefoon' | 'e-mail' | 'datum' | 'uur' | 'getal' | 'plaats';
export interface PublishedValue { kind: FactKind; value: string; file: string }

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** Frontmatter keys that are never shown to readers as a fact. */
const UNPUBLISHED_KEYS = new Set(['lastReviewed', 'order', 'track', 'code', 'dataStatus', 'source', 'status', 'kind', 'audience', 'use', 'id', 'municipalities', 'infoUrl', 'free', 'anonymous', 'allDay', 'centre', 'centres', 'sources']);
/** The two site statements (privacy, accessibility) speak for the site itself, not about a centre, group, event or line. */
const SITE_STATEMENTS = new Set(['privacy', 'toegankelijkheid']);
/**
 * UI strings that hold an example or the form's own limit, not a fact about a centre or
 * line (e.g. a postcode to show the input format, "hoogstens 4000 tekens").
 */
const EXAMPLE_KEYS = new Set([
  'lookup.hint', 'quickExit.pressTwoMore', 'quickExit.pressOneMore',
  'intake.more.adults', 'intake.more.children', 'intake.hint.relation', 'intake.hint.policeReport', 'intake.hint.question',
  'intake.error.email.format', 'intake.error.phone.format', 'intake.error.municipality.unknown',
  'intake.error.child.birthYear.required', 'intake.error.birthYear.format', 'intake.error.birthYear.range',
]);

/** Canonical form of a value, so "03 435 98 10" and "034359810" are the same fact. */
export function normalise(kind: FactKind, value: string): string {
  const v = value.trim();
  if (kind === 'telefoon') return v.replace(/\D/g, '');
  if (kind === 'e-mail') return v.toLowerCase();
  if (kind === 'getal') return v.replace(/[.\s](?=\d{3}\b)/g, '');
  if (kind === 'uur') {
    const m = /^(\d{1,2})[:.u](\d{2})$/.exec(v);
    return m ? `${m[1].padStart(2, '0')}:${m[2]}` : v;
  }
  return v;
}

function scalars(value: unknown, key = ''): string[] {
  if (UNPUBLISHED_KEYS.has(key)) return [];
  if (value instanceof Date) return [value.toISOString().slice(0, 10)];
  if (Array.isArray(value)) return value.flatMap((v) => scalars(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => scalars(v, k));
  return value === undefined || value === null ? [] : [String(value)];
}

/** Pulls values out of one piece of published text. */
export function valuesIn(text: string, placeNames: readonly string[]): { kind: FactKind; value: string }[] {
  const found: { kind: FactKind; value: string }[] = [];
  const emails = [...text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)].map((m) => m[0]);
  for (const e of emails) found.push({ kind: 'e-mail', value: normalise('e-mail', e) });
  let rest = text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    // Link targets, HTML attributes, list markers and MDX imports are not facts.
    .replace(/^import .*$/gm, ' ')
    .replace(/<\/?h\d\b/g, '<h')
    .replace(/^\s*\d+\.\s/gm, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\b(?:href|level|class|variant)=(?:"[^"]*"|\{[^}]*\})/g, ' ')
    .replace(/\bid="(?:stap|snel)[^"]*"/g, ' ')
    .replace(/https?:\/\/\S+|\b[\w-]+\.be\b/g, ' ')
    .replace(/\{\w+\}/g, ' ');
  const take = (re: RegExp, kind: FactKind, pick: (m: RegExpExecArray) => string = (m) => m[0]) => {
    rest = rest.replace(re, (...args) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      found.push({ kind, value: normalise(kind, pick(m)) });
      return ' ';
    });
  };
  take(/\b0\d{1,3}(?:[ /.]?\d{2,3}){2,4}\b/g, 'telefoon');
  take(/\b\d{4}-\d{2}-\d{2}\b/g, 'datum');
  take(new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'g'), 'datum', (m) => `${m[3]}-${String(MONTHS.indexOf(m[2]) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`);
  take(/\b(?:[01]?\d|2[0-3]):[0-5]\d\b/g, 'uur');
  take(/\b(?:19|20)\d{2}\b/g, 'datum');
  // Labels that number a list, not facts: "Spoor 2", "stap 6", "Potpourri V" has no digit.
  rest = rest.replace(/\b(?:[Ss]poor|[Ss]tap|[Ff]ase)\s+\d\b/g, ' ');
  take(/\b\d+(?:\.\d{3})*/g, 'getal');
  for (const place of placeNames) {
    if (new RegExp(`(?<![\\p{L}-])${place.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}-])`, 'u').test(text)) found.push({ kind: 'plaats', value: place });
  }
  return found;
}

/** Municipality names (2025) a text may name; the check is case-sensitive and whole-word. */
export function municipalityNames(): string[] {
  const list = yaml.load(readFileSync(join(contentDir, 'municipalities/municipalities.yaml'), 'utf8')) as { name: string; aliases?: string[] }[];
  return [...new Set(list.flatMap((m) => [m.name, ...(m.aliases ?? [])]))];
}

/** Every value the content publishes, with the file it is in. */
export function publishedValues(): PublishedValue[] {
  const places = municipalityNames();
  const out: PublishedValue[] = [];
  const add = (file: string, text: string, structuredPlaces: string[] = []) => {
    const rel = relative(resolve('.'), file);
    for (const v of valuesIn(text, places)) out.push({ ...v, file: rel });
    for (const p of structuredPlaces) out.push({ kind: 'plaats', value: p, file: rel });
  };
  const entries = [
    ...readEntries('centres', ['.mdx']),
    ...readEntries('groups', ['.md']),
    ...readEntries('events', ['.md']),
    ...readEntries('pages', ['.mdx']).filter((e) => !SITE_STATEMENTS.has(e.id)),
  ];
  for (const e of entries) {
    const data = e.data as Record<string, unknown>;
    const body = readFileSync(e.file, 'utf8').replace(/^---[\s\S]*?\n---/, '');
    const structured = [
      ...((data.locations as { name: string }[] | undefined) ?? []).map((l) => l.name),
      ...(typeof data.place === 'string' ? [data.place] : []),
    ];
    add(e.file, `${scalars(data).join('\n')}\n${body}`, structured);
  }
  const helplines = join(contentDir, 'helplines/helplines.yaml');
  for (const line of yaml.load(readFileSync(helplines, 'utf8')) as Record<string, unknown>[]) {
    add(helplines, `${String(line.id)}\n${scalars(line).join('\n')}`);
  }
  const stringsFile = resolve('src/i18n/nl.json');
  const strings = JSON.parse(readFileSync(stringsFile, 'utf8')) as Record<string, string>;
  for (const [key, value] of Object.entries(strings)) {
    // Every string counts, the forms' too: a shared string that states a fact needs a source like content does.
    if (EXAMPLE_KEYS.has(key)) continue;
    add(stringsFile, value);
  }
  return out;
}
