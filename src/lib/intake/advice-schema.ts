import { z } from 'zod';
import { code } from './codes';
import { FREE_TEXT_MAX, centreChoice, choice, email, optionalChoice, optionalPhone, optionalText, requiredText } from './fields';
import { sectors } from './referral-schema';

export const contactWays = ['telefoon', 'e-mail'] as const;
const placeRequired = code('advice.place.required');
const phoneRequired = code('advice.phone.required');

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
  .superRefine((a, ctx) => {
    if (!a.municipality && !a.centreOverride) {
      ctx.addIssue({ code: 'custom', message: placeRequired, path: ['municipality'] });
    }
    if (a.contact === 'telefoon' && !a.phone) {
      ctx.addIssue({ code: 'custom', message: phoneRequired, path: ['phone'] });
    }
  });

export type AdviceRequest = z.infer<typeof adviceSchema>;
export const adviceMultiFields = [] as const;
