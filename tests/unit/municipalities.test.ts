import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { municipalitySchema, type Municipality } from '../../src/schemas/municipality';
import { contentDir, readEntries, readFrontmatter } from '../helpers/content';
import { parseCsv } from '../../scripts/lib/reference.mjs';

const municipalities: Municipality[] = (readFrontmatter(join(contentDir, 'municipalities/municipalities.yaml')) as unknown[]).map((m) => municipalitySchema.parse(m));
const flemish = municipalities.filter((m) => m.region === 'vlaanderen');
const brussels = municipalities.filter((m) => m.region === 'brussel');
const centreIds = new Set(readEntries('centres', ['.mdx']).map((c) => c.id));

/** Postcode -> the municipalities that use it. */
function postcodeIndex(list: Municipality[]): Map<string, Municipality[]> {
  const index = new Map<string, Municipality[]>();
  for (const m of list) for (const p of m.postcodes) index.set(p, [...(index.get(p) ?? []), m]);
  return index;
}

describe('municipalities', () => {
  it('lists the 285 Flemish municipalities of 2025 and the 19 of Brussels, each id once', () => {
    expect(flemish).toHaveLength(285);
    expect(brussels).toHaveLength(19);
    expect(new Set(municipalities.map((m) => m.id)).size).toBe(municipalities.length);
    expect(new Set(municipalities.map((m) => m.nis)).size).toBe(municipalities.length);
  });

  it('gives every Flemish municipality exactly one centre that exists, and Brussels none', () => {
    for (const m of flemish) expect(centreIds, m.id).toContain(m.centre);
    for (const m of brussels) expect(m.centre, m.id).toBeNull();
  });

  it('lets every centre serve at least one municipality', () => {
    const served = new Set(flemish.map((m) => m.centre));
    for (const id of centreIds) expect(served, id).toContain(id);
  });

  // A postcode shared by two municipalities cannot say which one the family lives in.
  // That is harmless when both are served by the same centre (routing gives one centre);
  // across two centres it would route a referral to the wrong mailbox, so it fails here,
  // naming the postcode, until the editors decide (e.g. the lookup asks for the municipality).
  it('maps every Flemish postcode to exactly one centre, and reports postcodes shared within a centre', () => {
    const shared: string[] = [];
    for (const [postcode, list] of postcodeIndex(flemish)) {
      const centres = new Set(list.map((m) => m.centre));
      expect(centres.size, `postcode ${postcode}: ${list.map((m) => `${m.name} (${m.centre})`).join(', ')}`).toBe(1);
      if (list.length > 1) shared.push(`${postcode}: ${list.map((m) => m.name).join(', ')}`);
    }
    if (shared.length) console.info(`postcodes shared by two municipalities of the same centre:\n${shared.join('\n')}`);
    expect(Math.min(...flemish.flatMap((m) => m.postcodes.map(Number)))).toBeGreaterThanOrEqual(1500);
  });

  it('never gives a Flemish postcode to Brussels or the other way round', () => {
    const brusselsCodes = new Set(brussels.flatMap((m) => m.postcodes));
    for (const m of flemish) for (const p of m.postcodes) expect(brusselsCodes.has(p), `${m.name} ${p}`).toBe(false);
  });

  it('puts the Oost-Vlaanderen track 2 pilot towns under Oost-Vlaanderen and Mechelen\'s twelve local governments under Mechelen', () => {
    const byId = new Map(municipalities.map((m) => [m.id, m]));
    for (const id of ['aalst', 'dendermonde', 'gent', 'oudenaarde', 'kruisem', 'wortegem-petegem']) expect(byId.get(id)?.centre, id).toBe('oost-vlaanderen');
    expect(flemish.filter((m) => m.centre === 'mechelen')).toHaveLength(12);
  });

  // CI has ../shared beside the repository; elsewhere the reference may be absent.
  const reference = resolve('../shared/data/municipalities.csv');
  it.skipIf(!existsSync(reference))('matches the reference list: names, NIS codes, postcodes and region', () => {
    const rows = parseCsv(readFileSync(reference, 'utf8')) as Record<string, string>[];
    const byNis = new Map(municipalities.map((m) => [m.nis, m]));
    expect(rows).toHaveLength(municipalities.length);
    for (const row of rows) {
      const m = byNis.get(row.nis);
      expect(m, `${row.municipality} (${row.nis}) is missing`).toBeDefined();
      expect(m!.name).toBe(row.municipality);
      expect(m!.region).toBe(row.region === 'Flanders' ? 'vlaanderen' : 'brussel');
      expect([...m!.postcodes].sort()).toEqual(row.postcodes.split(' ').sort());
    }
  });
});
