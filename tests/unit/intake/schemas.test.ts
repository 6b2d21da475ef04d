import { describe, expect, it } from 'vitest';
import nl from '../../../src/i18n/nl.json';
import { directory } from '../../../src/lib/intake/directory';
import { registeredCodes } from '../../../src/lib/intake/codes';
import { decodeForm } from '../../../src/lib/intake/forms/form-data';
import { multiFieldsOf } from '../../../src/lib/intake/forms/definition';
import { validate } from '../../../src/lib/intake/forms/validate';

const referral = (o: Record<string, unknown> = {}) => ({
  referrer: { name: ' An Peeters ', organisation: 'CAW', sector: 'caw', phone: '09 123 45 67', email: 'an@caw.be' },
  municipality: 'Gent', offer: 'casusoverleg', adults: [{ role: 'slachtoffer' }], violence: ['partner'],
  question: 'Vraag', familyInformed: 'ja', legalBasis: 'ja', ...o,
});
const errorsOf = (kind: 'referral' | 'advice', input: unknown) => {
  const r = validate(kind, input, directory);
  return r.ok ? [] : r.errors;
};

describe('referral schema', () => {
  it('accepts a complete referral and trims what was typed', () => {
    const r = validate('referral', referral(), directory);
    expect(r.ok && r.data.referrer.name).toBe('An Peeters');
    expect(r.ok && r.centre.id).toBe('oost-vlaanderen');
  });

  it('names errors after the form fields, dotted for rows, in Dutch that says what to do', () => {
    const errors = errorsOf('referral', referral({
      referrer: { name: '', organisation: 'CAW', sector: 'caw', phone: '09 123 45 67', email: 'geen' },
      children: [{ birthYear: '2015' }, { birthYear: '15' }],
    }));
    expect(errors).toContainEqual({ field: 'referrer.name', message: 'Vul je naam in' });
    expect(errors).toContainEqual({ field: 'referrer.email', message: 'Vul een e-mailadres in zoals naam@organisatie.be' });
    expect(errors).toContainEqual({ field: 'children.1.birthYear', message: 'Vul een geboortejaar in met 4 cijfers, zoals 1985' });
  });

  it('refuses unknown fields (strict), also inside a row, with one error for all of them', () => {
    const errors = errorsOf('referral', referral({ extra: 'x', more: 'y', adults: [{ role: 'slachtoffer', ssn: '1' }] }));
    expect(errors).toEqual([{ field: 'form', message: expect.stringContaining('hoort niet bij het formulier') }]);
  });

  it('limits free text to 4000 characters and says so', () => {
    expect(errorsOf('referral', referral({ question: 'a'.repeat(4000) }))).toEqual([]);
    expect(errorsOf('referral', referral({ question: 'a'.repeat(4001) }))).toEqual([{ field: 'question', message: 'Gebruik hoogstens 4000 tekens.' }]);
  });

  it('needs at least one adult, skips rows left empty, and at most 8 adults', () => {
    expect(errorsOf('referral', referral({ adults: [{ role: '', name: '' }] }))).toEqual([{ field: 'adults.0.role', message: 'Vul minstens één volwassene in: kies de rol' }]);
    const r = validate('referral', referral({ adults: [{ role: 'slachtoffer' }, { role: '', name: '' }, { role: 'pleger' }] }), directory);
    expect(r.ok && r.data.adults.map((a) => a.role)).toEqual(['slachtoffer', 'pleger']);
    expect(errorsOf('referral', referral({ adults: Array.from({ length: 9 }, () => ({ role: 'andere' })) }))[0].field).toBe('adults');
  });

  it('asks why the family is not informed, and needs the legal basis confirmed', () => {
    const errors = errorsOf('referral', referral({ familyInformed: 'nee', legalBasis: undefined }));
    expect(errors.map((e) => e.field).sort()).toEqual(['familyInformedReason', 'legalBasis']);
  });

  it('reads the no-JS form data the same way as JSON', () => {
    const params = new URLSearchParams([
      ['referrer.name', 'An'], ['referrer.organisation', 'CAW'], ['referrer.sector', 'caw'], ['referrer.phone', '09 123 45 67'],
      ['referrer.email', 'an@caw.be'], ['municipality', '9000'], ['offer', 'casusoverleg'], ['adults.0.role', 'beide'],
      ['violence', 'kind'], ['question', 'Vraag'], ['familyInformed', 'ja'], ['legalBasis', 'ja'],
    ]);
    const r = validate('referral', decodeForm(params, multiFieldsOf('referral')), directory);
    expect(r.ok && r.data.violence).toEqual(['kind']);
  });

  it('keeps odd names and __proto__ out of the object and reports them as unknown fields', () => {
    const decoded = decodeForm(new URLSearchParams([['__proto__.polluted', 'x'], ['a..b', 'y']]))!;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorsOf('advice', decoded).map((e) => e.field)).toContain('form');
    expect(Object.keys(decoded)).toEqual(['__proto__.polluted', 'a..b']);
  });
});

describe('advice schema', () => {
  const advice = (o: Record<string, unknown> = {}) => ({ name: 'An', organisation: 'CGG', sector: 'cgg', email: 'an@cgg.be', municipality: 'Gent', question: 'Twijfel', ...o });
  it('needs a municipality or a centre, and a phone number when asking to be called', () => {
    expect(errorsOf('advice', advice())).toEqual([]);
    expect(errorsOf('advice', advice({ municipality: '', centreOverride: 'antwerpen' }))).toEqual([]);
    expect(errorsOf('advice', advice({ municipality: '' }))).toEqual([{ field: 'municipality', message: 'Vul een gemeente of postcode in, of kies een centrum' }]);
    expect(errorsOf('advice', advice({ contact: 'telefoon' }))).toEqual([{ field: 'phone', message: 'Vul een telefoonnummer in als je gebeld wilt worden' }]);
  });
});

describe('error wording', () => {
  it('every error code has Dutch wording and every intake.error key belongs to a code', () => {
    const keys = Object.keys(nl).filter((k) => k.startsWith('intake.error.')).map((k) => k.slice('intake.error.'.length));
    expect([...registeredCodes].filter((c) => !keys.includes(c))).toEqual([]);
    expect(keys.filter((k) => !registeredCodes.has(k))).toEqual([]);
  });
});
