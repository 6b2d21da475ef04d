import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLedger } from '../../scripts/lib/ledger.mjs';
import { centreSchema } from '../../src/schemas/centre';
import { readEntries } from '../helpers/content';
import { valuesIn } from '../helpers/published-facts';

/**
 * A string in src/i18n is shown for every centre and every place: it may hold generic
 * wording only. One centre's facts (its durations, dates, figures, its process after a
 * referral, its protocol) live in that centre's content, with their scope and date.
 */
const centres = readEntries('centres', ['.mdx']).map((e) => ({ id: e.id, data: centreSchema.parse(e.data) }));
const ledger = loadLedger() as { facts: { about: string; values: string[] }[] };

/** Values the ledger ties to one centre only (its facts start with the centre's short name). */
const centreOf = (about: string) => centres.find((c) => about.startsWith(`${c.data.shortName}:`) || about.startsWith(`${c.data.shortName} (`))?.id;
const generic = new Set(ledger.facts.filter((f) => !centreOf(f.about)).flatMap((f) => f.values.map(String)));
const centreValues = ledger.facts.filter((f) => centreOf(f.about)).flatMap((f) => f.values.map(String).filter((v) => !generic.has(v)).flatMap((v) => valuesIn(v, []).map((x) => ({ ...x, centre: centreOf(f.about)! }))))
  // Place names may label where a text comes from; numbers, dates, hours and addresses may not travel.
  .filter((v) => v.kind !== 'plaats');

/** A centre's own process and protocol: two long words in a row from that text are its wording, e.g. "verkennend casusoverleg". */
const words = (text: string) => text.toLowerCase().match(/[a-zà-ÿ0-9]+/g) ?? [];
const pairs = (text: string) => { const w = words(text); return w.slice(1).map((x, i) => [w[i], x]).filter(([a, b]) => a.length >= 8 && b.length >= 8).map(([a, b]) => `${a} ${b}`); };
const ownWording = new Map(centres.flatMap(({ id, data }) =>
  [data.afterReferral?.text, data.protocol?.note].flatMap((text) => (text ? pairs(text) : [])).map((p) => [p, id] as const)));
/** Durations a centre's own track descriptions give, e.g. "4 tot 6 maanden", "minstens een jaar". */
const DURATION = /\b(?:minstens |hoogstens )?(?:\d+ tot \d+|een|\d+) (?:jaar|maand|maanden|weken)\b/gi;
const ownDurations = new Map(centres.flatMap(({ id, data }) => data.tracks.flatMap((t) => [...(t.note ?? '').matchAll(DURATION)].map((m) => [m[0].toLowerCase(), id] as const))));

function findings(strings: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(strings)) {
    // A general help line's own hours and numbers are checked against its source in the ledger test;
    // input hints and errors give formats and limits ("4 cijfers"), not facts.
    const found = /^(helpline|intake\.error|intake\.hint)\./.test(key) ? [] : valuesIn(value, []);
    for (const v of centreValues) if (found.some((f) => f.kind === v.kind && f.value === v.value)) out.push(`${key}: ${v.kind} ${v.value} (${v.centre})`);
    for (const p of pairs(value)) if (ownWording.has(p)) out.push(`${key}: "${p}" (${ownWording.get(p)})`);
    for (const [d, id] of ownDurations) if (value.toLowerCase().includes(d)) out.push(`${key}: "${d}" (${id})`);
    if (/\bneemt\b[^.]*\bcontact met je op\b|\bprotocol van het centrum\b/i.test(value)) out.push(`${key}: belooft wat alleen sommige centra doen`);
  }
  return [...new Set(out)];
}

describe('shared labels (src/i18n/*.json)', () => {
  for (const file of readdirSync('src/i18n').filter((f) => f.endsWith('.json'))) {
    it(`${file} holds no fact of one centre: no figure, date or hour the ledger ties to one centre, none of a centre's own wording, no promise only some centres keep`, () => {
      expect(findings(JSON.parse(readFileSync(join('src/i18n', file), 'utf8')))).toEqual([]);
    });
  }

  it('catches a centre-specific duration, process and protocol in a shared string (the rule can fail)', () => {
    expect(findings({ 'track.plain.2': 'Een begeleider helpt het gezin 4 tot 6 maanden.' }).join()).toMatch(/getal (4|6) \(oost-vlaanderen\)/);
    expect(findings({ 'intake.receipt.next.referral': 'Het centrum plant een verkennend casusoverleg.' }).join()).toMatch(/verkennend casusoverleg/);
    expect(findings({ 'intake.advice.after': 'Het centrum neemt daarna contact met je op.' })).toHaveLength(1);
    expect(findings({ 'intake.field.legalBasis.check': 'Op basis van artikel 458ter en het protocol van het centrum.' })).toHaveLength(1);
    expect(findings({ 'track.plain.3': 'Eén persoon stemt de hulp op elkaar af, minstens een jaar lang.' }).join()).toMatch(/minstens een jaar/);
    expect(findings({ 'track.plain.3': 'Eén persoon stemt de hulp op elkaar af.' })).toEqual([]);
  });
});
