import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { lookupMunicipality, normalizeName, sharedDistrict, suggestMatches, suggestMunicipalities, type MunicipalityRecord } from '../../src/lib/lookup';

const list: MunicipalityRecord[] = [
  { id: 'sint-niklaas', name: 'Sint-Niklaas', postcodes: ['9100', '9111'], aliases: ['Belsele'], region: 'vlaanderen', centre: 'oost-vlaanderen' },
  { id: 'gent', name: 'Gent', postcodes: ['9000', '9050'], aliases: ['Ledeberg', 'Mariakerke'], region: 'vlaanderen', centre: 'oost-vlaanderen' },
  { id: 'oostende', name: 'Oostende', postcodes: ['8400'], aliases: ['Mariakerke'], region: 'vlaanderen', centre: 'noord-west-vlaanderen' },
  { id: 'elsene', name: 'Elsene', postcodes: ['1050'], aliases: [], region: 'brussel', centre: null },
];

/** The real list, as editors keep it. */
const real = (yaml.load(readFileSync('src/content/municipalities/municipalities.yaml', 'utf8')) as Array<MunicipalityRecord & { aliases?: string[] }>)
  .map((m) => ({ ...m, aliases: m.aliases ?? [] }));
const find = (q: string) => {
  const r = lookupMunicipality(q, real);
  return r.kind === 'unknown' ? 'unknown' : `${r.kind}:${r.municipality.id}`;
};

describe('lookupMunicipality', () => {
  it('finds a municipality by name whatever the case, accents or St. form', () => {
    expect(normalizeName('St. Niklaas')).toBe('sint-niklaas');
    expect(normalizeName('Puurs-St-Amands')).toBe('puurs-sint-amands');
    expect(lookupMunicipality('st niklaas', list)).toMatchObject({ kind: 'found', municipality: { id: 'sint-niklaas' } });
    expect(lookupMunicipality('  GENT ', list)).toMatchObject({ kind: 'found', municipality: { id: 'gent' } });
    expect(find('ST.-TRUIDEN')).toBe('found:sint-truiden');
    expect(find('Sint Martens Latem')).toBe('found:sint-martens-latem');
    expect(find('Stabroek')).toBe('found:stabroek');
  });
  it('finds a district and a postcode, also a postcode typed with the name', () => {
    expect(lookupMunicipality('Ledeberg', list)).toMatchObject({ kind: 'found', municipality: { id: 'gent' } });
    expect(lookupMunicipality('9111', list)).toMatchObject({ kind: 'found', municipality: { id: 'sint-niklaas' } });
    expect(lookupMunicipality('9000 Gent', list)).toMatchObject({ kind: 'found', municipality: { id: 'gent' } });
  });
  it('marks Brussels and refuses what it does not know', () => {
    expect(lookupMunicipality('1050', list).kind).toBe('brussels');
    expect(lookupMunicipality('9999', list).kind).toBe('unknown');
    expect(lookupMunicipality('', list).kind).toBe('unknown');
    expect(lookupMunicipality('Parijs', list).kind).toBe('unknown');
  });
  it('does not guess between two municipalities that share a district name', () => {
    expect(lookupMunicipality('Mariakerke', list).kind).toBe('unknown');
    expect(sharedDistrict('mariakerke', list).map((m) => m.id)).toEqual(['gent', 'oostende']);
    expect(sharedDistrict('Ledeberg', list)).toEqual([]);
    expect(suggestMatches('mariakerke', list).map((s) => [s.municipality.id, s.via])).toEqual([
      ['gent', 'Mariakerke'],
      ['oostende', 'Mariakerke'],
    ]);
  });
  it('suggests names that start with what was typed first', () => {
    expect(suggestMunicipalities('ge', list).map((m) => m.id)).toEqual(['gent']);
    expect(suggestMunicipalities('91', list).map((m) => m.id)).toEqual(['sint-niklaas']);
    expect(suggestMatches('led', list)).toEqual([{ municipality: list[1], via: 'Ledeberg' }]);
  });
});

describe('the municipality list', () => {
  it('holds the 285 Flemish and 19 Brussels municipalities, each found by its own name and every postcode', () => {
    expect(real.filter((m) => m.region === 'vlaanderen')).toHaveLength(285);
    expect(real.filter((m) => m.region === 'brussel')).toHaveLength(19);
    for (const m of real) {
      expect(find(m.name)).toMatch(new RegExp(`:${m.id}$`));
      for (const p of m.postcodes) expect(find(p), `${p} of ${m.name}`).toMatch(new RegExp(`:${m.id}$`));
    }
  });
  it('finds districts and former municipalities people still use', () => {
    expect(find('Borgerhout')).toBe('found:antwerpen');
    expect(find('berendrecht zandvliet lillo')).toBe('found:antwerpen');
    expect(find('Borsbeek')).toBe('found:antwerpen');
    expect(find('St-Amandsberg')).toBe('found:gent');
    expect(find('Kruishoutem')).toBe('found:kruisem');
    expect(find('Melle')).toBe('found:merelbeke-melle');
    expect(find('Zwijndrecht')).toBe('found:beveren-kruibeke-zwijndrecht');
    expect(find('Kortessem')).toBe('found:hasselt');
    expect(find('Galmaarden')).toBe('found:pajottegem');
    expect(find('1000')).toBe('brussels:brussel');
  });
  it('asks instead of guessing for the district names two municipalities share', () => {
    const count = new Map<string, string[]>();
    for (const m of real) for (const a of m.aliases) count.set(normalizeName(a), [...(count.get(normalizeName(a)) ?? []), m.id]);
    const shared = Object.fromEntries([...count].filter(([, ids]) => ids.length > 1));
    expect(shared).toEqual({
      mariakerke: ['gent', 'oostende'],
      zandvoorde: ['oostende', 'zonnebeke'],
      beveren: ['beveren-kruibeke-zwijndrecht', 'roeselare'],
      berchem: ['antwerpen', 'kluisbergen'],
    });
    expect(find('Beveren')).toBe('unknown');
    expect(suggestMatches('beveren', real).map((s) => s.municipality.id)).toEqual(['beveren-kruibeke-zwijndrecht', 'roeselare']);
  });
  it('has no alias that hides another municipality or a postcode in two municipalities', () => {
    const names = new Set(real.map((m) => normalizeName(m.name)));
    const shadowing = real.flatMap((m) => m.aliases.filter((a) => names.has(normalizeName(a))));
    expect(shadowing).toEqual([]);
    const postcodes = real.flatMap((m) => m.postcodes);
    expect(postcodes.filter((p, i) => postcodes.indexOf(p) !== i)).toEqual([]);
  });
});
