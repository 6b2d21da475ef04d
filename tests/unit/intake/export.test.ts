import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import { submissionExport } from '../../../src/lib/intake/forms/export';
import { submissionJsonSchema } from '../../../src/lib/intake/forms/export-json-schema';
import { publishedValidator, SCHEMA_FILE } from '../../helpers/submission-schema';


const centre = directory.centres.find((c) => c.id === 'oost-vlaanderen')!;
const base = { reference: 'OVL-7K3M-9QXP', centre, municipalityName: 'Aalst', overridden: false, submittedAt: new Date('2026-12-02T12:00:00Z') };
const referral = {
  referrer: { name: 'Testverwijzer', organisation: 'PZ Test', sector: 'politie', phone: '053 00 00 00', email: 'verwijzer@politie-test.be' },
  municipality: 'Aalst', offer: 'casusoverleg', adults: [{ role: 'slachtoffer', birthYear: '1984' }], children: [{ birthYear: '2015' }],
  violence: ['partner'], question: 'Testvraag', familyInformed: 'ja', legalBasis: 'ja',
};
const advice = { name: 'Testverwijzer', organisation: 'CAW Test', sector: 'caw', email: 'verwijzer@caw-test.be', municipality: '9000', question: 'Testvraag' };

describe('the JSON Schema of the attached document', () => {
  // `npm run schemas` rewrites the file after a change to the forms.
  it('is published up to date with the zod schemas', async () => {
    await expect(JSON.stringify(submissionJsonSchema(), null, 2) + '\n').toMatchFileSnapshot(`../../../${SCHEMA_FILE}`);
  });

  it('accepts the document of a referral and of an advice request', () => {
    const validate = publishedValidator();
    for (const doc of [submissionExport({ kind: 'referral', data: referral, ...base }), submissionExport({ kind: 'advice', data: advice, ...base })]) {
      expect(validate(JSON.parse(JSON.stringify(doc))), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects a document a centre should not import: a field that is not in the form, a referral without its question, an advice body under the referral kind', () => {
    const validate = publishedValidator();
    const doc = JSON.parse(JSON.stringify(submissionExport({ kind: 'referral', data: referral, ...base })));
    expect(validate({ ...doc, data: { ...doc.data, extra: 'x' } })).toBe(false);
    expect(validate({ ...doc, data: { ...doc.data, question: undefined } })).toBe(false);
    expect(validate({ ...doc, data: advice })).toBe(false);
    expect(validate({ ...doc, data: { ...doc.data, adults: [null] } })).toBe(false);
  });
});
