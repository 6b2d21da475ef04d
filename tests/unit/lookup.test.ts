import { describe, expect, it } from 'vitest';
import { lookupMunicipality, normalizeName, suggestMunicipalities, type MunicipalityRecord } from '../../src/lib/lookup';

const list: MunicipalityRecord[] = [
  { id: 'sint-niklaas', name: 'Sint-Niklaas', postcodes: ['9100', '9111'], aliases: ['Belsele'], region: 'vlaanderen', centre: 'oost-vlaanderen' },
  { id: 'gent', name: 'Gent', postcodes: ['9000', '9050'], aliases: ['Ledeberg'], region: 'vlaanderen', centre: 'oost-vlaanderen' },
  { id: 'elsene', name: 'Elsene', postcodes: ['1050'], aliases: [], region: 'brussel', centre: null },
];

describe('lookupMunicipality', () => {
  it('finds a municipality by name whatever the case, accents or St. form', () => {
    expect(normalizeName('St. Niklaas')).toBe('sint-niklaas');
    expect(lookupMunicipality('st niklaas', list)).toMatchObject({ kind: 'found', municipality: { id: 'sint-niklaas' } });
    expect(lookupMunicipality('  GENT ', list)).toMatchObject({ kind: 'found', municipality: { id: 'gent' } });
  });
  it('finds a district and a postcode', () => {
    expect(lookupMunicipality('Ledeberg', list)).toMatchObject({ kind: 'found', municipality: { id: 'gent' } });
    expect(lookupMunicipality('9111', list)).toMatchObject({ kind: 'found', municipality: { id: 'sint-niklaas' } });
  });
  it('marks Brussels and refuses what it does not know', () => {
    expect(lookupMunicipality('1050', list).kind).toBe('brussels');
    expect(lookupMunicipality('9999', list).kind).toBe('unknown');
    expect(lookupMunicipality('', list).kind).toBe('unknown');
  });
  it('suggests names that start with what was typed first', () => {
    expect(suggestMunicipalities('ge', list).map((m) => m.id)).toEqual(['gent']);
    expect(suggestMunicipalities('91', list).map((m) => m.id)).toEqual(['sint-niklaas']);
  });
});
