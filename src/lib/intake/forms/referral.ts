// A namespace import lets the bundler drop what is unused (the named `z` pulls in all of zod, ~450 KB).
import * as z from 'zod';
import { code } from '../codes';
import {
  FREE_TEXT_MAX, birthYear, centreChoice, choice, choices, email, mustConfirm, optionalCheckbox,
  optionalChoice, optionalText, phone, requiredText, rows,
} from './fields';

/** Who refers: the list of the spec plus "andere". */
export const sectors = ['politie', 'parket', 'justitiehuis', 'caw', 'cgg', 'vk', 'opgroeien', 'ocmw', 'huisarts', 'school', 'andere'] as const;
/** Requested offer: exploratory consultation (track 3), short case support (track 2), don't know. */
export const offers = ['casusoverleg', 'kortdurend', 'weet-niet'] as const;
export const roles = ['slachtoffer', 'pleger', 'beide', 'andere'] as const;
export const violenceKinds = ['partner', 'ex-partner', 'kind', 'ouderen', 'eer', 'ander'] as const;
/** Signals of a "structureel onveilig gezin" from the seed documents. */
export const riskSignals = ['acuut', 'herhaling', 'kinderen', 'levensdomeinen', 'hulp-vastgelopen'] as const;
export const yesNoUnknown = ['ja', 'nee', 'onbekend'] as const;

export const MAX_ADULTS = 8;
const reasonRequired = code('familyInformedReason.required');
export const MAX_CHILDREN = 12;

/** One adult of the family (a row of the form). */
export const adult = z.strictObject({
  /** Role in the situation. */
  role: choice(roles, 'adult.role.required', { optionSet: 'role', label: 'adult.role' }),
  /** Name or initials. */
  name: optionalText(80, { label: 'adult.name', hint: 'initials' }),
  birthYear: birthYear(null, { label: 'adult.birthYear' }),
  /** Language spoken at home. */
  language: optionalText(80, { label: 'adult.language' }),
  /** Ticked when an interpreter is needed. */
  interpreter: optionalCheckbox({ label: 'adult.interpreter' }),
});

/** One child of the family (a row of the form). */
export const child = z.strictObject({
  birthYear: birthYear('child.birthYear.required', { label: 'child.birthYear' }),
  /** Relation to the adults, e.g. "zoon van slachtoffer". */
  relation: optionalText(120, { label: 'child.relation', hint: 'relation' }),
});

/** The referral form ("aanmelding"); names match the form's dotted `name` attributes. */
export const referralSchema = z
  .strictObject({
    referrer: z.strictObject({
      name: requiredText('referrer.name.required', 120, { autocomplete: 'name' }),
      organisation: requiredText('referrer.organisation.required', 160, { autocomplete: 'organization' }),
      sector: choice(sectors, 'referrer.sector.required', { optionSet: 'sector' }),
      function: optionalText(120, { autocomplete: 'organization-title' }),
      phone: phone('referrer.phone.required'),
      email: email('referrer.email.required'),
      reachable: optionalText(200, { hint: 'reachable' }),
    }, { error: code('section.required') }),
    /** Municipality or postcode where the family lives. */
    municipality: requiredText('municipality.required', 80, { type: 'municipality', hint: 'municipality' }),
    /** Empty, or the id of another centre chosen on purpose. */
    centreOverride: centreChoice({ hint: 'centreOverride' }),
    offer: choice(offers, 'offer.required', { type: 'radios', optionSet: 'offer' }),
    adults: rows(adult, 1, MAX_ADULTS, 'adults.required', 'role'),
    children: rows(child, 0, MAX_CHILDREN, 'children.required', 'birthYear').optional(),
    safety: z.strictObject({
      call: optionalChoice(yesNoUnknown, { optionSet: 'yesNoUnknown' }),
      times: optionalText(200),
      message: optionalChoice(yesNoUnknown, { optionSet: 'yesNoUnknown' }),
    }, { error: code('section.required') }).optional(),
    violence: choices(violenceKinds, 1, 'violence.required', { optionSet: 'violence' }),
    police: optionalChoice(yesNoUnknown, { optionSet: 'yesNoUnknown' }),
    policeReport: optionalText(40, { hint: 'policeReport' }),
    risks: choices(riskSignals, 0, 'risks.required', { optionSet: 'risk', hint: 'risks' }).optional(),
    helpSoFar: optionalText(FREE_TEXT_MAX, { type: 'textarea' }),
    question: requiredText('question.required', FREE_TEXT_MAX, { type: 'textarea', hint: 'question' }),
    familyInformed: choice(['ja', 'nee'], 'familyInformed.required', { type: 'radios', optionSet: 'yesNo' }),
    familyInformedReason: optionalText(1000, { type: 'textarea', hint: 'familyInformedReason' }),
    legalBasis: mustConfirm('legalBasis.required'),
  })
  // `when`: check this even while other fields are wrong, so every error shows at once.
  .refine((r) => r.familyInformed !== 'nee' || (typeof r.familyInformedReason === 'string' && r.familyInformedReason.trim() !== ''), {
    message: reasonRequired, path: ['familyInformedReason'], when: (p) => typeof p.value === 'object' && p.value !== null,
  });

export type Referral = z.infer<typeof referralSchema>;
