import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import yaml from 'js-yaml';
import nl from '../../src/i18n/nl.json';
import { t } from '../../src/i18n';
import { languages } from '../../src/i18n/languages';
import { formDefinitions } from '../../src/lib/intake/forms/definition';
// The modules that declare error codes register them on import.
import '../../src/lib/intake/forms/referral';
import '../../src/lib/intake/forms/advice';
import '../../src/lib/intake/forms/routing';
import '../../src/lib/intake/forms/validate';
import { registeredCodes } from '../../src/lib/intake/codes';

const SRC = resolve('src');
const SCANNED = new Set(['.ts', '.tsx', '.js', '.mjs', '.astro', '.mdx', '.md']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SCANNED.has(extname(path)) ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const keys = Object.keys(nl);
const namespaces = new Set(keys.map((k) => k.split('.')[0]));

/** Keys passed literally to t('…'), with the file that uses them. */
const literalCalls = files.flatMap(({ path, text }) =>
  [...text.matchAll(/\bt\(\s*(['"`])([A-Za-z0-9_.-]+)\1/g)].map((m) => ({ key: m[2], path })),
);
/** Every quoted string in the code: a key kept in a map (e.g. error code -> key) counts as used. */
const quoted = new Set(files.flatMap(({ text }) => [...text.matchAll(/(['"`])([A-Za-z0-9_.-]+)\1/g)].map((m) => m[2])));

/**
 * Keys built at run time, as the code writes them with every `${…}` turned into `*`:
 * `intake.option.${f.optionSet}.${v}` -> `intake.option.*.*`. Found anywhere in a
 * template literal that starts with a key namespace, inside t(), k() or a variable.
 */
function dynamicPatterns(text: string): string[] {
  return [...text.matchAll(/`([a-z][A-Za-z0-9]*\.(?:[A-Za-z0-9_.-]|\$\{[^}`]*\})*\$\{[^`]*?)`/g)]
    .map((m) => m[1].replace(/\$\{[^}]*\}/g, '*'))
    .filter((p) => namespaces.has(p.split('.')[0]) && /^[A-Za-z0-9_.*-]+$/.test(p));
}
const usedPatterns = [...new Set(files.flatMap(({ text }) => dynamicPatterns(text)))].sort();

/**
 * The real members of every key family the code builds at run time, taken from the
 * data the code builds them from (form definitions, error codes, help lines), so a
 * key is "used" only if the code can really ask for it. A new dynamic pattern in the
 * code without a family here fails the test below: enumerate its values here.
 */
const kinds = Object.keys(formDefinitions);
const sections = Object.values(formDefinitions).flat();
const fields = sections.flatMap((s) => s.fields);
const fieldKeys = fields.map((f) => f.label ?? f.name);
const repeats = sections.flatMap((s) => (s.repeat ? [s.repeat.name] : []));
const helplineIds = (yaml.load(readFileSync('src/content/helplines/helplines.yaml', 'utf8')) as { id: string }[]).map((h) => h.id);
const helplineParts = [...new Set([...readFileSync('src/components/content/Helpline.astro', 'utf8').matchAll(/\b(?:say|has)\('(\w+)'\)/g)].map((m) => m[1]))];
const families: Record<string, string[]> = {
  'intake.error.*': [...registeredCodes].map((c) => `intake.error.${c}`),
  'intake.option.*.*': fields.flatMap((f) => (f.optionSet ? (f.options ?? []).map((v) => `intake.option.${f.optionSet}.${v}`) : [])),
  'intake.field.*': fieldKeys.map((k) => `intake.field.${k}`),
  'intake.field.*.check': fields.filter((f) => f.type === 'checkbox').map((f) => `intake.field.${f.label ?? f.name}.check`),
  'intake.mailField.*': fieldKeys.map((k) => `intake.mailField.${k}`),
  'intake.hint.*': fields.flatMap((f) => (f.hint ? [`intake.hint.${f.hint}`] : [])),
  'intake.oneOf.*': fields.flatMap((f) => (f.oneOf ? [`intake.oneOf.${f.oneOf}`] : [])),
  'intake.section.*': sections.map((s) => `intake.section.${s.id}`),
  'intake.sectionIntro.*': sections.map((s) => `intake.sectionIntro.${s.id}`),
  'intake.mailSection.*': sections.map((s) => `intake.mailSection.${s.id}`),
  'intake.row.*': repeats.map((r) => `intake.row.${r}`),
  'intake.more.*': repeats.map((r) => `intake.more.${r}`),
  'intake.*.title': kinds.map((k) => `intake.${k}.title`),
  'intake.*.after': kinds.map((k) => `intake.${k}.after`),
  'intake.*.afterHeading': kinds.map((k) => `intake.${k}.afterHeading`),
  'intake.mail.kind.*': kinds.map((k) => `intake.mail.kind.${k}`),
  'intake.receipt.next.*': kinds.map((k) => `intake.receipt.next.${k}`),
  // web/respond.ts and the form script: a 503 names the centre's line for professionals, or says it has none.
  'intake.*.*': ['unavailable', 'rejected'].flatMap((why) => ['centre', 'none'].map((line) => `intake.${why}.${line}`)),
  'helpline.*.*': helplineIds.flatMap((id) => helplineParts.map((part) => `helpline.${id}.${part}`)),
};
const familyKeys = new Set(Object.values(families).flat());

/** Keys no code asks for, given the literal uses and the real families. */
function unusedKeys(all: readonly string[]): string[] {
  return all.filter((k) => !quoted.has(k) && !familyKeys.has(k));
}

/**
 * Keys that only Dutch pages use: the professionals' pages, the forms and their mails,
 * the centre pages, the agenda, the Dutch per-municipality answer and search filters.
 * A translation need not carry them (t() falls back to Dutch, and no translated page
 * asks for them). Every other key is chrome or victim path and must exist in every language.
 */
const DUTCH_ONLY_PREFIXES = ['intake.', 'pro.', 'centre.', 'centres.', 'track.', 'group.', 'agenda.', 'content.', 'openNow.'];
const DUTCH_ONLY_KEYS = new Set([
  'layout.navCentres', 'layout.navAgenda', 'home.lookupCentres',
  'lookup.servedBy', 'lookup.tracksHeading', 'lookup.tracksUnknown', 'lookup.phoneHeading', 'lookup.phoneNone', 'lookup.phoneHours',
  'lookup.proPhoneHeading', 'lookup.officeHeading', 'lookup.officeNone', 'lookup.officeAll', 'lookup.brusselsHeading',
  'lookup.indexCentreLink', 'lookup.indexIntro', 'lookup.indexShow', 'lookup.pageDescription', 'lookup.alsoKnownAs',
  'search.centre', 'search.allCentres', 'search.audience', 'search.allAudiences', 'search.noScriptCentres', 'search.noScriptAgenda',
]);
const dutchOnly = (key: string) => DUTCH_ONLY_KEYS.has(key) || DUTCH_ONLY_PREFIXES.some((p) => key.startsWith(p));
const required = keys.filter((k) => !dutchOnly(k));

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const languageFiles = readdirSync('src/i18n').filter((f) => f.endsWith('.json') && f !== 'nl.json');

describe('UI strings (src/i18n/nl.json)', () => {
  it('has every key that the code passes to t()', () => {
    const missing = literalCalls.filter((c) => !(c.key in nl)).map((c) => `${c.key} (${c.path})`);
    expect(missing).toEqual([]);
  });

  it('knows the real members of every key family the code builds at run time', () => {
    expect(usedPatterns.filter((p) => !(p in families)), 'dynamic keys without a family in this test').toEqual([]);
    expect(Object.keys(families).filter((p) => !usedPatterns.includes(p)), 'families the code no longer builds').toEqual([]);
    for (const [pattern, members] of Object.entries(families)) {
      const re = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\*/g, '[A-Za-z0-9_.-]+')}$`);
      expect(members.length, pattern).toBeGreaterThan(0);
      expect(members.filter((m) => !re.test(m)), pattern).toEqual([]);
    }
  });

  it('has no key that no code uses', () => {
    expect(unusedKeys(keys)).toEqual([]);
  });

  it('reports a key in a dynamic family that the code never asks for', () => {
    // The old check treated every intake.* key as used because t(`intake.error.${code}`) exists.
    expect(unusedKeys([...keys, 'intake.zzzNeverUsed', 'intake.error.zzzNoSuchCode', 'helpline.999.name'])).toEqual(['intake.zzzNeverUsed', 'intake.error.zzzNoSuchCode', 'helpline.999.name']);
  });

  it('has every key a family member needs that the code shows unconditionally', () => {
    const conditional = ['intake.field.*', 'intake.mailField.*', 'intake.sectionIntro.*', 'intake.mailSection.*', 'helpline.*.*'];
    const missing = Object.entries(families).filter(([p]) => !conditional.includes(p)).flatMap(([, m]) => m).filter((k) => !(k in nl));
    expect(missing).toEqual([]);
  });

  it('uses flat dotted keys and non-empty Dutch values', () => {
    for (const [key, value] of Object.entries(nl)) {
      // Segments may carry a content id with hyphens, e.g. intake.option.offer.weet-niet.
      expect(key).toMatch(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/);
      expect(String(value).trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and refuses an unknown key instead of showing it raw', () => {
    expect(t('centre.lastReviewed', { date: '24 november 2026' })).toBe('Laatst nagekeken op 24 november 2026.');
    expect(() => t('centre.bestaatNiet' as never)).toThrow(/missing UI string/);
  });

  it('is really scanning the code (guards against a scanner that finds nothing)', () => {
    expect(literalCalls.length).toBeGreaterThan(50);
    expect(literalCalls.map((c) => c.key)).toContain('layout.skipLink');
    expect(usedPatterns).toContain('intake.error.*');
    expect(familyKeys.size).toBeGreaterThan(150);
  });
});

describe('UI strings in other languages (src/i18n/<lang>.json)', () => {
  it('has one string file per language of the site, and no other', () => {
    expect(languageFiles.map((f) => basename(f, '.json')).sort()).toEqual(languages.filter((l) => l.code !== 'nl').map((l) => l.code).sort());
  });

  for (const file of languageFiles) {
    const lang = basename(file, '.json');
    const strings = JSON.parse(readFileSync(join('src/i18n', file), 'utf8')) as Record<string, string>;

    describe(file, () => {
      it('has every chrome and victim-path key', () => {
        expect(required.filter((k) => !(k in strings))).toEqual([]);
      });

      it('has no key that Dutch does not have, and none of the Dutch-only keys', () => {
        expect(Object.keys(strings).filter((k) => !(k in nl) || dutchOnly(k))).toEqual([]);
      });

      it('keeps the placeholders of the Dutch string and has no empty value', () => {
        for (const [key, value] of Object.entries(strings)) {
          expect(value.trim(), key).not.toBe('');
          if (key in nl) expect(placeholders(value), key).toEqual(placeholders((nl as Record<string, string>)[key]));
        }
      });

      it('is what t() returns for that language', () => {
        const [key, value] = Object.entries(strings).find(([, v]) => !v.includes('{')) ?? [];
        if (key) expect(t(key as never, lang as never)).toBe(value);
      });
    });
  }

  it('falls back to Dutch for a key a language does not carry', () => {
    expect(t('pro.title', 'en')).toBe(nl['pro.title']);
  });
});
