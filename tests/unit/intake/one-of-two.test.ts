import { expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import { renderFormFields } from '../../../src/lib/intake/render/form-view';
import { validReferral } from '../../fixtures/intake-submissions.mjs';
import { validate } from '../../../src/lib/intake/forms/validate';

/** WCAG 3.3.2: a field that may stay empty only when another is filled must not say "(niet verplicht)". */
it('the advice form says that a municipality or a centre is needed, on both fields', () => {
  const form = renderFormFields('advice', {}, [], directory);
  const municipality = /<label for="f-municipality">([\s\S]*?)<\/label>/.exec(form)?.[1] ?? '';
  const centre = /<label for="f-centreOverride">([\s\S]*?)<\/label>/.exec(form)?.[1] ?? '';
  expect(municipality).toContain('verplicht, tenzij je hieronder een centrum kiest');
  expect(centre).toContain('verplicht als je geen gemeente invult');
  expect(municipality + centre).not.toContain('(niet verplicht)');
});

it('lists errors in the order of the form, the place where it is asked', () => {
  const advice = validate('advice', {}, directory);
  expect(advice.ok || advice.errors.map((e) => e.field)).toEqual(['name', 'organisation', 'sector', 'email', 'municipality', 'question']);
  const valid = validReferral();
  const referral = validate('referral', { ...valid, referrer: { ...valid.referrer, email: '' }, municipality: '' }, directory);
  const fields = referral.ok ? [] : referral.errors.map((e) => e.field);
  expect(fields).toEqual(['referrer.email', 'municipality']);
});
