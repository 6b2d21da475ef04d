import { describe, expect, it } from 'vitest';
import { municipalityIndex, nearestFrontOffices, tracksIn } from '../../src/lib/municipality-view';

const places = [
  { id: 'gent', name: 'Gent', postcodes: ['9000'], policeZone: 'PZ Gent', centre: 'oost-vlaanderen' },
  { id: 'kruisem', name: 'Kruisem', postcodes: ['9770'], policeZone: 'PZ Vlaamse Ardennen', centre: 'oost-vlaanderen' },
  { id: 'oudenaarde', name: 'Oudenaarde', postcodes: ['9700'], policeZone: 'PZ Vlaamse Ardennen', centre: 'oost-vlaanderen' },
  { id: 'eeklo', name: 'Eeklo', postcodes: ['9900'], policeZone: 'PZ Meetjesland Centrum', centre: 'oost-vlaanderen' },
  { id: 'ronse', name: 'Ronse', postcodes: ['9600'], policeZone: 'PZ Ronse', centre: 'oost-vlaanderen' },
  { id: 'elsene', name: 'Elsene', postcodes: ['1050'], centre: null },
];
const offices = [
  { kind: 'backoffice' as const, name: 'VAC Gent' },
  { kind: 'frontoffice' as const, name: 'Frontoffice Gent' },
  { kind: 'frontoffice' as const, name: 'Frontoffice Vlaamse Ardennen' },
  { kind: 'frontoffice' as const, name: 'Sociaal Huis', address: { street: 'Markt 1', postcode: '9600', city: 'Ronse' } },
];

describe('what a municipality gets from its centre', () => {
  it('offers track 2 only in the pilot municipalities and the other tracks everywhere', () => {
    const tracks = [
      { track: 3 as const, status: 'aangeboden' as const },
      { track: 2 as const, status: 'aangeboden' as const, municipalities: ['gent', 'kruisem'] },
      { track: 1 as const, status: 'gepland' as const },
    ];
    expect(tracksIn('kruisem', tracks).map((t) => t.track)).toEqual([1, 2, 3]);
    expect(tracksIn('eeklo', tracks).map((t) => t.track)).toEqual([1, 3]);
  });
  it('points to the front office in the municipality, else in its police zone, else lists them all', () => {
    expect(nearestFrontOffices(places[0], offices, places)).toEqual({ match: 'municipality', offices: [offices[1]] });
    expect(nearestFrontOffices(places[4], offices, places)).toEqual({ match: 'municipality', offices: [offices[3]] });
    expect(nearestFrontOffices(places[1], offices, places)).toEqual({ match: 'policeZone', offices: [offices[2]] });
    expect(nearestFrontOffices(places[3], offices, places)).toEqual({ match: 'all', offices: offices.slice(1) });
  });
  it('groups the index per centre with Brussels last', () => {
    const groups = municipalityIndex([{ id: 'oost-vlaanderen', data: { shortName: 'Oost-Vlaanderen' } }, { id: 'leeg', data: { shortName: 'Leeg' } }], places);
    expect(groups.map((g) => [g.anchor, g.municipalities.length])).toEqual([['centrum-oost-vlaanderen', 5], ['gewest-brussel', 1]]);
    expect(groups[0].municipalities.map((m) => m.name)).toEqual(['Eeklo', 'Gent', 'Kruisem', 'Oudenaarde', 'Ronse']);
  });
});
