import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { resolve } from 'node:path';
import { CONFIRMED, loadLedger, renderSeedFacts, sharedDir, sourceText, squash } from '../../scripts/lib/ledger.mjs';
import { normalise, publishedValues, valuesIn, type FactKind } from '../helpers/published-facts';
import { readEntries } from '../helpers/content';

interface Fact { about: string; kind: FactKind; values: string[]; source: string; quote?: string }
interface Source { kind: 'seed' | 'reference' | 'page'; file?: string; snapshot?: string; url?: string; title: string }
const ledger = loadLedger() as { sources: Record<string, Source>; facts: Fact[] };

/** A ledger value in the form the content is compared in (kind guessed from the value itself). */
function canonical(value: string): string[] {
  return valuesIn(value, [value]).map((v) => `${v.kind}:${v.value}`);
}
const ledgerValues = new Set(ledger.facts.flatMap((f) => f.values.flatMap((v) => [...canonical(String(v)), `plaats:${v}`])));
const published = publishedValues();

describe('facts ledger (facts/ledger.yaml)', () => {
  it('holds every phone number, e-mail address, date, time, figure and place name the content publishes', () => {
    const missing = published.filter((p) => !ledgerValues.has(`${p.kind}:${p.value}`)).map((p) => `${p.file}: ${p.kind} ${p.value}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('lists nothing the site does not publish (the human view would claim facts the pages do not carry)', () => {
    const seen = new Set(published.map((p) => `${p.kind}:${p.value}`));
    const stale = ledger.facts.flatMap((f) => f.values.filter((v) => ![...canonical(String(v)), `plaats:${v}`].some((c) => seen.has(c))).map((v) => `${f.about}: ${v}`));
    expect(stale).toEqual([]);
  });

  it('names a known source, or a centre that confirmed it on a date', () => {
    for (const f of ledger.facts) {
      if (CONFIRMED.test(f.source)) continue;
      expect(ledger.sources[f.source], `${f.about}: unknown source "${f.source}"`).toBeDefined();
      expect(f.quote, `${f.about}: a quote from ${f.source}`).toBeTruthy();
    }
  });

  // Like the municipality reference check: the source documents sit beside the repository
  // (../shared, or IFG_SHARED_DIR); where they are absent the quote checks cannot run.
  it.runIf(sharedDir())('quotes every source word for word (only whitespace may differ)', () => {
    const wrong = ledger.facts
      .filter((f) => !CONFIRMED.test(f.source))
      .filter((f) => {
        const text = sourceText(ledger.sources[f.source]);
        return text === undefined || !squash(text).includes(squash(f.quote!));
      })
      .map((f) => `${f.about} (${f.source}): "${f.quote}"`);
    expect(wrong).toEqual([]);
  });

  it('carries phone numbers and e-mail addresses in the quote itself', () => {
    for (const f of ledger.facts.filter((x) => x.quote)) {
      const quoted = new Set(valuesIn(f.quote!, []).filter((v) => v.kind === 'telefoon' || v.kind === 'e-mail').map((v) => v.value));
      for (const v of f.values) {
        const [c] = valuesIn(String(v), []);
        if (c && (c.kind === 'telefoon' || c.kind === 'e-mail')) expect(quoted, `${f.about}: ${v}`).toContain(c.value);
      }
    }
  });

  it('says in which language a line answers, or for which language area it is, only where its quote says so', () => {
    // "in het Frans" for Écoute Violences Conjugales: the source says "en Belgique francophone", not
    // the language of the calls. A language in `about` needs a language word in the quoted source.
    const language = /\b(?:frans|franstalig|nederlands|nederlandstalig|engels|duits|arabisch|turks|pools|meertalig)\w*/i;
    const sourceSaysLanguage = /francophone|fran[cç]ais|n[ée]erlandais|anglais|langue|nederlands|frans|engels|taal|language/i;
    const claims = ledger.facts.filter((f) => language.test(f.about) && !(f.quote && sourceSaysLanguage.test(f.quote)));
    expect(claims.map((f) => `${f.about} (${f.source})`)).toEqual([]);
  });

  it('holds a snapshot of every page a help line names as its source, so the whole page can be checked', () => {
    const lines = yaml.load(readFileSync(resolve('src/content/helplines/helplines.yaml'), 'utf8')) as { id: string; sources: { url: string }[] }[];
    const snapshots = new Map(Object.values(ledger.sources).filter((s) => s.kind === 'page').map((s) => [s.url, s.snapshot]));
    const missing = lines.flatMap((l) => l.sources.filter((s) => !snapshots.get(s.url)).map((s) => `${l.id}: ${s.url}`));
    expect(missing).toEqual([]);
  });

  it('has docs/seed-facts.md as its generated human view (npm run facts:doc)', () => {
    expect(readFileSync(resolve('docs/seed-facts.md'), 'utf8')).toBe(renderSeedFacts(ledger));
  });
});

describe('what counts as a published value', () => {
  it('finds a phone number, an hour and an e-mail address an editor might add', () => {
    const found = valuesIn('Bel 09 123 45 67, open van 08:30 tot 12:00, of mail info@voorbeeld.be.', []);
    expect(found).toEqual(expect.arrayContaining([
      { kind: 'e-mail', value: 'info@voorbeeld.be' },
      { kind: 'telefoon', value: normalise('telefoon', '09 123 45 67') },
      { kind: 'uur', value: '08:30' },
      { kind: 'uur', value: '12:00' },
    ]));
  });

  it('reads Dutch dates to the day and leaves list labels alone', () => {
    expect(valuesIn('Open sinds 25 november 2023. Spoor 2 en stap 6.', [])).toEqual([{ kind: 'datum', value: '2023-11-25' }]);
  });
});

describe('our own words', () => {
  // Facts carry over from the sources; sentences do not. Names of partners are facts, not prose.
  const RUN = 8;
  const words = (text: string) => text.toLowerCase().match(/[a-zà-ÿ0-9]+/g) ?? [];
  const shared = sharedDir();

  it.runIf(shared)('repeat no run of 8 words from a source document', () => {
    const seeds = Object.values(ledger.sources).filter((s) => s.kind === 'seed').map((s) => words(sourceText(s) ?? ''));
    const runs = new Set(seeds.flatMap((w) => w.slice(0, Math.max(0, w.length - RUN + 1)).map((_, i) => w.slice(i, i + RUN).join(' '))));
    const copied: string[] = [];
    const content = [
      ...readEntries('centres', ['.mdx']), ...readEntries('groups', ['.md']), ...readEntries('events', ['.md']), ...readEntries('pages', ['.mdx']),
    ];
    for (const e of content) {
      const { partners, formerNames, ...rest } = e.data as Record<string, unknown>;
      void partners; void formerNames;
      const body = readFileSync(e.file, 'utf8').replace(/^---[\s\S]*?\n---/, '');
      const w = words(`${JSON.stringify(rest)} ${body}`);
      for (let i = 0; i + RUN <= w.length; i++) if (runs.has(w.slice(i, i + RUN).join(' '))) copied.push(`${e.file}: "${w.slice(i, i + RUN).join(' ')}"`);
    }
    expect(copied).toEqual([]);
  });
});

describe('help line texts name only what their sources name', () => {
  // "Télé-Accueil (107)": a service named beside a number. The name must stand in a captured
  // source page (facts/sources) that carries the same number, or the reader gets a name nobody sourced.
  const sources = readdirSync(resolve('facts/sources')).map((f) => readFileSync(resolve('facts/sources', f), 'utf8'));
  const named = /(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)\s*\((\d{3,4})\)/gu;
  for (const lang of readdirSync(resolve('src/i18n')).filter((f) => f.endsWith('.json'))) {
    it(`${lang}: a service named beside a number is named so in that number's source`, () => {
      const strings = JSON.parse(readFileSync(resolve('src/i18n', lang), 'utf8')) as Record<string, string>;
      const unsourced = Object.entries(strings)
        .filter(([key]) => key.startsWith('helpline.'))
        .flatMap(([key, text]) => [...text.matchAll(named)].map((m) => ({ key, name: m[1], number: m[2] })))
        .filter(({ name, number }) => !sources.some((s) => s.includes(number) && s.includes(name)))
        .map(({ key, name, number }) => `${key}: ${name} (${number})`);
      expect(unsourced).toEqual([]);
    });
  }
});
