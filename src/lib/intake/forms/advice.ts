import { z } from 'zod';
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
    name: requiredText('referrer.name.required', 120),
    organisation: requiredText('referrer.organisation.required', 160),
    sector: choice(sectors, 'referrer.sector.required'),
    email: email('referrer.email.required'),
    phone: optionalPhone(),
    /** Municipality or postcode; may stay empty when a centre is chosen. */
    municipality: optionalText(80),
    centreOverride: centreChoice(),
    contact: optionalChoice(contactWays),
    contactTimes: optionalText(200),
    question: requiredText('advice.question.required', FREE_TEXT_MAX),
  })
  // `when`: check these even while other fields are wrong, so every error shows at once.
  .refine((a) => filled(a.municipality) || filled(a.centreOverride), { message: placeRequired, path: ['municipality'], when: isObject })
  .refine((a) => a.contact !== 'telefoon' || filled(a.phone), { message: phoneRequired, path: ['phone'], when: isObject });

export type AdviceRequest = z.infer<typeof adviceSchema>;
export const adviceMultiFields = [] as const;
