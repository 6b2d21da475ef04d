import { describe, expect, it } from 'vitest';
import { canReceive, channelOverview, channelReport, hasProfessionalChannel, nextStep, professionalMail, nextStepFor, professionalLines, reachOf, victimLines } from '../../src/lib/reach';
import { nextStepText } from '../../src/lib/reach-text';
import { directory as realDirectory, phoneFor } from '../../src/lib/intake/directory';
import { route } from '../../src/lib/intake/forms/routing';
import { messageFor } from '../../src/lib/intake/forms/errors';
import { fixtureCentres as c, fixtureDirectory as dir } from '../fixtures/reach-directory';

const alternatives = dir.alternatives;

describe('what a centre offers whom (reach.ts, over a fixture directory)', () => {
  it('a form exists only where the data has a mailbox for it', () => {
    expect(reachOf(c.open).professionals.forms).toEqual(['referral', 'advice']);
    expect(reachOf(c.adviceOnly).professionals.forms).toEqual(['advice']);
    expect(reachOf(c.silent).professionals.forms).toEqual([]);
  });

  it('a centre that takes no new families receives no referrals, even with a mailbox', () => {
    expect(canReceive(c.limited, 'referral')).toBe(false);
    expect(canReceive(c.limited, 'advice')).toBe(true);
    expect(reachOf(c.limited).professionals.mail).toEqual([{ purpose: 'advice', address: 'info@beperkt.example' }]);
  });

  it('lists mailboxes a professional may use: one row when both forms share one (whatever the case), none the data lacks', () => {
    expect(professionalMail({ ...c.open, adviceMailbox: 'AANMELDEN@open.example' })).toEqual([{ purpose: 'both', address: 'aanmelden@open.example' }]);
    expect(professionalMail(c.open).map((m) => m.purpose)).toEqual(['referral', 'advice']);
    expect(professionalMail(c.silent)).toEqual([]);
  });

  it('splits lines by audience: a victims\' line is never a professionals\' line, and the other way round', () => {
    expect(professionalLines(c.open).map((l) => l.id)).toEqual(['pro']);
    expect(victimLines(c.open).map((l) => l.id)).toEqual(['slachtoffers']);
    expect(professionalLines(c.victimsOnly)).toEqual([]);
    expect(reachOf(c.open).victims.frontOffices.map((o) => o.name)).toEqual(['Onthaal Open']);
  });

  it('phoneFor never falls back to a victims\' line for professionals', () => {
    expect(phoneFor(c.open)).toEqual({ phone: '01 234 56 78', line: 'centre' });
    expect(phoneFor(c.victimsOnly)).toEqual({ phone: '', line: 'none' });
    expect(phoneFor(c.silent)).toEqual({ phone: '', line: 'none' });
  });

  it('the next step is the form itself when the centre can receive it', () => {
    expect(nextStep(c.open, 'professionals', { form: 'referral' })).toMatchObject({ kind: 'form', form: 'referral' });
    expect(nextStep(c.adviceOnly, 'professionals', { form: 'advice' })).toMatchObject({ kind: 'form', form: 'advice' });
  });

  it('otherwise the channels that exist, and the text names only those', () => {
    const step = nextStep(c.adviceOnly, 'professionals', { form: 'referral', alternatives });
    expect(step).toMatchObject({ kind: 'channels', refused: 'referral' });
    const text = nextStepText(step);
    expect(text).toContain('/professionals/advies/');
    expect(text).not.toContain('/professionals/aanmelden/');
    expect(text).not.toMatch(/\bBel\b/);
  });

  it('no channel: says so, what is known (since, base), and only the alternatives whose scope holds there', () => {
    const step = nextStep(c.silent, 'professionals', { form: 'referral', alternatives });
    expect(step).toMatchObject({ kind: 'none' });
    expect(step.kind === 'none' && step.alternatives.map((a) => a.id)).toEqual(['bron-vlaanderen', 'bron-alleen-stil']);
    const text = nextStepText(step);
    expect(text).toContain('Veilig Huis Stil heeft nog geen telefoonlijn of mailbox voor professionelen');
    expect(text).toContain('eind 2023');
    expect(text).toContain('Stilstad');
    expect(text).toContain('(bron: Fixturebron)');
    expect(text).not.toMatch(/\bBel\b|\bMail\b|formulier/);
    const elsewhere = nextStep(c.victimsOnly, 'professionals', { alternatives });
    expect(elsewhere.kind === 'none' && elsewhere.alternatives.map((a) => a.id)).toEqual(['bron-vlaanderen']);
  });

  it('no source, no alternative: the centre has not published its contact details yet', () => {
    const text = nextStepText(nextStep(c.silent, 'professionals', { form: 'advice', alternatives: [] }));
    expect(text).toContain('Het centrum heeft zijn contactgegevens nog niet gepubliceerd.');
    expect(text).not.toContain('bron:');
  });

  it('a referral to a centre without new families is refused as such, and points to advice', () => {
    const step = nextStep(c.limited, 'professionals', { form: 'referral', alternatives });
    expect(step).toMatchObject({ kind: 'channels', closedForNew: true });
    expect(nextStepText(step)).toContain('/professionals/advies/');
  });

  it('for victims: their lines and front offices, never a professionals\' line', () => {
    const step = nextStep(c.open, 'victims');
    expect(step.kind === 'channels' && step.reach.victims.phone.map((l) => l.id)).toEqual(['slachtoffers']);
    expect(nextStep(c.adviceOnly, 'victims')).toMatchObject({ kind: 'none', alternatives: [] });
  });

  it('a municipality without a centre (Brussels) gets the Brussels services', () => {
    expect(nextStepFor(dir.municipalities.find((m) => m.region === 'brussel')!, dir.centres, 'professionals')).toEqual({ kind: 'brussels' });
  });

  it('adding a mailbox switches the centre on, with no other change', () => {
    const before = nextStep(c.silent, 'professionals', { form: 'referral' });
    const after = nextStep({ ...c.silent, referralMailbox: 'nieuw@stil.example' }, 'professionals', { form: 'referral' });
    expect([before.kind, after.kind]).toEqual(['none', 'form']);
    expect(hasProfessionalChannel({ ...c.silent, adviceMailbox: 'nieuw@stil.example' })).toBe(true);
  });

  it('tells the editor what each missing field switches off', () => {
    const report = channelReport(c.silent, 38);
    expect(report.live).toEqual([]);
    expect(report.missing).toContain('geen mailbox voor aanmeldingen: het aanmeldformulier weigert de 38 gemeenten van dit centrum');
    expect(channelReport(c.open, 5).live[0]).toBe('aanmeldformulier (naar aanmelden@open.example)');
  });

  it('sums up the centres for the editor: centres with the same gaps together, each named once with its municipalities', () => {
    const twin = { ...c.silent, id: 'stil-twee', shortName: 'Stil twee' };
    const places = [...Array(38).fill({ centre: c.silent.id }), ...Array(12).fill({ centre: twin.id }), ...Array(5).fill({ centre: c.open.id })];
    const lines = channelOverview([c.open, twin, c.silent], places);
    expect(lines).toHaveLength(2);
    const silent = lines.find((l) => l.includes(twin.shortName))!;
    expect(silent).toContain(`${c.silent.shortName} (38 gemeenten)`);
    expect(silent).toContain(`${twin.shortName} (12 gemeenten)`);
    expect(silent).toMatch(/geen mailbox voor aanmeldingen: het aanmeldformulier weigert hun gemeenten/);
    expect(lines.join(' ').split(c.silent.shortName + ' (').length - 1).toBe(1);
    expect(lines.find((l) => l.includes(c.open.shortName))).toContain('aanmeldformulier (naar aanmelden@open.example)');
  });
});

describe('every municipality today, both forms: the preview and the server give the same answer, with no channel the data lacks', () => {
  // The preview (src/scripts/intake-form-enhance.ts) and the functions both answer through validate/route.
  const real = realDirectory;
  const numbersIn = (text: string) => (text.match(/\b0\d(?:[ .]?\d{2,3}){3}\b/g) ?? []).map((n) => n.replace(/\D/g, ''));
  const mailsIn = (text: string) => (text.match(/[\w.+-]+@[\w.-]+\.[a-z]{2,}/gi) ?? []).map((m) => m.toLowerCase());
  for (const kind of ['referral', 'advice'] as const) {
    it(`${kind}: routed only where the centre can receive it; otherwise a refusal naming only its real channels`, () => {
      for (const m of real.municipalities) {
        const r = route({ municipality: m.name }, kind, real);
        const centre = real.centres.find((x) => x.id === m.centre);
        if (!centre) {
          expect(r, m.id).toMatchObject({ ok: false, code: 'municipality.brussels' });
          // 1712 is there first for citizens (its own source): never the professionals' channel.
          expect(messageFor(r.ok ? '' : r.code), m.id).not.toMatch(/bel 1712/i);
          continue;
        }
        expect(r.ok, m.id).toBe(canReceive(centre, kind));
        if (r.ok) continue;
        const text = messageFor(r.code, r.params);
        const lines = new Set(professionalLines(centre).map((l) => l.number.replace(/\D/g, '')));
        expect(numbersIn(text).filter((n) => !lines.has(n)), m.id).toEqual([]);
        const boxes = new Set(professionalMail(centre).map((x) => x.address.toLowerCase()));
        expect(mailsIn(text).filter((x) => !boxes.has(x)), m.id).toEqual([]);
        if (!canReceive(centre, 'referral')) expect(text, m.id).not.toContain('/professionals/aanmelden/');
        if (!canReceive(centre, 'advice')) expect(text, m.id).not.toContain('/professionals/advies/');
        expect(text, m.id).not.toMatch(/Bel of mail|bel 1712|tel:/i);
        if (kind === 'advice') expect(text, m.id).not.toMatch(/ontvangt nog geen aanmeldingen/);
      }
    });
  }
});
