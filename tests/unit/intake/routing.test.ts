import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import { offersShortSupport, route } from '../../../src/lib/intake/forms/routing';
import { messageFor } from '../../../src/lib/intake/forms/errors';
import { fixtureDirectory } from '../../fixtures/reach-directory';

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

  it('never routes to a centre that cannot receive the form, and the refusal names only channels that exist (fixture centres)', () => {
    const refused = (input: { municipality?: string; centreOverride?: string }, kind: 'referral' | 'advice') => {
      const r = route(input, kind, fixtureDirectory);
      if (r.ok) throw new Error('routed');
      return { code: r.code, field: r.field, text: messageFor(r.code, r.params) };
    };
    const silent = refused({ municipality: 'Stilgem' }, 'referral');
    expect(silent).toMatchObject({ field: 'municipality', code: 'centre.notReceiving.referral' });
    expect(silent.text).toContain('Veilig Huis Stil ontvangt nog geen aanmeldingen via deze website.');
    expect(silent.text).not.toMatch(/Bel of mail|\bBel\b|formulier/);
    const advice = refused({ municipality: 'Stilgem' }, 'advice').text;
    expect(advice).toContain('ontvangt nog geen adviesvragen');
    expect(advice).not.toContain('aanmeldingen');
    const adviceOnly = refused({ centreOverride: 'advies-alleen' }, 'referral');
    expect(adviceOnly).toMatchObject({ field: 'centreOverride' });
    expect(adviceOnly.text).toContain('/professionals/advies/');
    expect(route({ municipality: 'Adviesdorp' }, 'advice', fixtureDirectory)).toMatchObject({ ok: true });
    expect(route({ municipality: 'Openstad' }, 'referral', fixtureDirectory)).toMatchObject({ ok: true });
  });

  it('refuses referrals for a centre that takes no new families, even with a mailbox; advice still goes', () => {
    expect(route({ municipality: 'Beperktdorp' }, 'referral', fixtureDirectory)).toMatchObject({ ok: false, code: 'centre.closedForNew' });
    expect(route({ municipality: 'Beperktdorp' }, 'advice', fixtureDirectory)).toMatchObject({ ok: true });
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
