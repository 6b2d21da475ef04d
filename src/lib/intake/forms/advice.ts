// A namespace import lets the bundler drop what is unused (the named `z` pulls in all of zod, ~450 KB).
import * as z from 'zod';
import { code } from '../codes';
import { FREE_TEXT_MAX, centreChoice, choice, email, optionalChoice, optionalPhone, optionalText, requiredText } from './fields';
import { sectors } from './referral';

export const contactWays = ['telefoon', 'e-mail'] as const;
const placeRequired = code('advice.place.required');
const phoneRequired = code('advice.phone.required');
const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const isObject = (p: { value: unknown }) => typeof p.value === 'object' && p.value !== null;

/** The advice request ("advieslijn"); it never needs identifying data of the family. */
export const adviceSchema = z
  .strictObject({
    name: requiredText('referrer.name.required', 120, { autocomplete: 'name', label: 'referrer.name' }),
    organisation: requiredText('referrer.organisation.required', 160, { autocomplete: 'organization', label: 'referrer.organisation' }),
    sector: choice(sectors, 'referrer.sector.required', { optionSet: 'sector', label: 'referrer.sector' }),
    email: email('referrer.email.required', { label: 'referrer.email' }),
    phone: optionalPhone({ label: 'advice.phone' }),
    /** Municipality or postcode; may stay empty when a centre is chosen. */
    // Each optional alone, one of the two needed (placeRequired below): the label says so.
    municipality: optionalText(80, { type: 'municipality', hint: 'adviceMunicipality', oneOf: 'placeMunicipality' }),
    centreOverride: centreChoice({ label: 'advice.centre', hint: 'adviceCentre', oneOf: 'placeCentre' }),
    contact: optionalChoice(contactWays, { optionSet: 'contact' }),
    contactTimes: optionalText(200),
    question: requiredText('advice.question.required', FREE_TEXT_MAX, { type: 'textarea', label: 'advice.question', hint: 'adviceQuestion' }),
  })
  // `when`: check these even while other fields are wrong, so every error shows at once.
  .refine((a) => filled(a.municipality) || filled(a.centreOverride), { message: placeRequired, path: ['municipality'], when: isObject })
  .refine((a) => a.contact !== 'telefoon' || filled(a.phone), { message: phoneRequired, path: ['phone'], when: isObject });

export type AdviceRequest = z.infer<typeof adviceSchema>;
