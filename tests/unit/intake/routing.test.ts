import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import { offersShortSupport, route } from '../../../src/lib/intake/forms/routing';

const centre = (id: string) => directory.centres.find((c) => c.id === id)!;

describe('routing a municipality to a centre', () => {
  it('every Flemish municipality has exactly one existing centre; Brussels has none', () => {
    const ids = new Set(directory.centres.map((c) => c.id));
    const flemish = directory.municipalities.filter((m) => m.region === 'vlaanderen');
    expect(flemish.length).toBe(285);
    expect(flemish.filter((m) => !m.centre || !ids.has(m.centre)).map((m) => m.id)).toEqual([]);
    expect(directory.municipalities.filter((m) => m.region === 'brussel').every((m) => m.centre === null)).toBe(true);
  });

  it('finds the centre by name, former municipality or postcode', () => {
    for (const typed of ['Aalst', '9300', 'aalst ']) {
      const r = route({ municipality: typed }, 'referral', directory);
      expect(r.ok && r.centre.id).toBe('oost-vlaanderen');
    }
  });

  it('points Brussels to the Brussels services unless a centre is chosen on purpose', () => {
    expect(route({ municipality: 'Schaarbeek' }, 'referral', directory)).toMatchObject({ ok: false, code: 'municipality.brussels' });
    expect(route({ municipality: 'Schaarbeek', centreOverride: 'oost-vlaanderen' }, 'referral', directory)).toMatchObject({ ok: true });
  });

  it('an unknown place is a field error', () => {
    expect(route({ municipality: 'Atlantis' }, 'referral', directory)).toEqual({ ok: false, field: 'municipality', code: 'municipality.unknown' });
  });

  it('an override sends to the chosen centre and says so', () => {
    const r = route({ municipality: 'Gent', centreOverride: 'antwerpen' }, 'referral', directory);
    expect(r).toMatchObject({ ok: true, overridden: true });
    expect(r.ok && r.centre.id).toBe('antwerpen');
  });

  it('never routes to a centre without a mailbox', () => {
    const withoutMailbox = directory.centres.filter((c) => c.referralMailbox === null);
    expect(withoutMailbox.length).toBeGreaterThan(0);
    for (const c of withoutMailbox) {
      expect(route({ centreOverride: c.id }, 'referral', directory)).toMatchObject({ ok: false, field: 'centreOverride', code: 'centre.noMailbox' });
    }
  });

  it('offers short case support (track 2) only in the Oost-Vlaanderen pilot municipalities', () => {
    const byId = (id: string) => directory.municipalities.find((m) => m.id === id)!;
    const ovl = centre('oost-vlaanderen');
    for (const id of ['aalst', 'dendermonde', 'gent']) expect(offersShortSupport(ovl, byId(id))).toBe(true);
    for (const id of ['eeklo', 'sint-niklaas']) expect(offersShortSupport(ovl, byId(id))).toBe(false);
    const offering = directory.centres.filter((c) => directory.municipalities.some((m) => offersShortSupport(c, m)));
    expect(offering.map((c) => c.id)).toEqual(['oost-vlaanderen']);
  });
});
