import { describe, expect, it } from 'vitest';
import { canReceive, channelReport, hasProfessionalChannel, nextStep, professionalMail, nextStepFor, professionalLines, reachOf, victimLines } from '../../src/lib/reach';
import { nextStepText } from '../../src/lib/reach-text';
import { phoneFor } from '../../src/lib/intake/directory';
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
});
