import { describe, expect, it } from 'vitest';
import { centreList, hasExactHours, openNowData, servedMunicipalities, telHref, trackOffers, upcomingExceptions, weeklyHours } from '../../src/lib/centre-view';

const municipalities = [
  { id: 'gent', name: 'Gent', centre: 'oost-vlaanderen' },
  { id: 'aalst', name: 'Aalst', centre: 'oost-vlaanderen' },
  { id: 'oudenaarde', name: 'Oudenaarde', centre: 'oost-vlaanderen' },
  { id: 'elsene', name: 'Elsene', centre: null },
];

describe('telHref', () => {
  it('dials a printed Belgian number internationally and a short number as is', () => {
    expect(telHref('03 435 98 10')).toBe('tel:+3234359810');
    expect(telHref('1712')).toBe('tel:1712');
  });
});

describe('live status only with exact hours', () => {
  it('allows "open now" for a line with weekly hours, never for one known only in words', () => {
    expect(hasExactHours({ hours: [{ days: ['ma'], opens: '09:00', closes: '16:00' }] })).toBe(true);
    expect(hasExactHours({ hours: [] })).toBe(false);
    expect(() => openNowData([], [])).toThrow(/no exact hours/);
  });
});

describe('weeklyHours', () => {
  it('gives all seven days Monday first, closed days empty, two blocks on one day in time order', () => {
    const rows = weeklyHours([
      { days: ['di', 'do'], opens: '13:00', closes: '16:00' },
      { days: ['ma', 'di', 'wo', 'do', 'vr'], opens: '09:00', closes: '12:00' },
    ]);
    expect(rows.map((r) => r.day)).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
    expect(rows[1].ranges).toEqual(['09:00–12:00', '13:00–16:00']);
    expect(rows[0].ranges).toEqual(['09:00–12:00']);
    expect(rows[5].ranges).toEqual([]);
  });
});

describe('exceptions', () => {
  const exceptions = [
    { date: new Date('2026-12-24T00:00:00Z'), note: 'Kerstavond' },
    { date: new Date('2026-11-23T00:00:00Z') },
    { date: new Date('2026-11-24T00:00:00Z'), opens: '09:00', closes: '12:00' },
  ];
  it('keeps today and later (Belgian day), soonest first', () => {
    // 23:30 UTC on the 23rd is already the 24th in Brussels.
    expect(upcomingExceptions(exceptions, new Date('2026-11-23T23:30:00Z')).map((e) => e.day)).toEqual(['2026-11-24', '2026-12-24']);
  });
  it('hands the browser script plain days, not timestamps', () => {
    expect(JSON.parse(openNowData([{ days: ['ma'], opens: '09:00', closes: '16:00' }], exceptions.slice(0, 1)))).toEqual({
      hours: [{ days: ['ma'], opens: '09:00', closes: '16:00' }],
      exceptions: [{ date: '2026-12-24', note: 'Kerstavond' }],
    });
  });
});

describe('trackOffers', () => {
  it('orders tracks 0-3 and names the municipalities of a limited track alphabetically', () => {
    const offers = trackOffers(
      [
        { track: 3, status: 'aangeboden' },
        { track: 2, status: 'aangeboden', municipalities: ['oudenaarde', 'gent', 'aalst'] },
      ],
      municipalities,
    );
    expect(offers.map((o) => o.track)).toEqual([2, 3]);
    expect(offers[0].places).toEqual(['Aalst', 'Gent', 'Oudenaarde']);
    expect(offers[1].places).toBeNull();
  });
  it('refuses to print a municipality id that does not exist', () => {
    expect(() => trackOffers([{ track: 2, status: 'aangeboden', municipalities: ['kruishoutem'] }], municipalities)).toThrow(/kruishoutem/);
  });
});

describe('centre lists', () => {
  it('lists the municipalities a centre serves by Dutch name, never Brussels', () => {
    expect(servedMunicipalities('oost-vlaanderen', municipalities).map((m) => m.name)).toEqual(['Aalst', 'Gent', 'Oudenaarde']);
  });
  it('sorts centres by short name and counts their municipalities', () => {
    const list = centreList(
      [
        { id: 'oost-vlaanderen', data: { name: 'Veilig Huis Oost-Vlaanderen', shortName: 'Oost-Vlaanderen', area: 'x', status: 'operationeel', dataStatus: 'gedeeltelijk' } },
        { id: 'antwerpen', data: { name: 'Veilig Huis Antwerpen', shortName: 'Antwerpen', area: 'y', status: 'operationeel', dataStatus: 'gedeeltelijk' } },
      ],
      municipalities.map((m) => ({ data: m })),
    );
    expect(list.map((c) => [c.id, c.municipalityCount])).toEqual([['antwerpen', 0], ['oost-vlaanderen', 3]]);
  });
});
