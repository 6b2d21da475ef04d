import { z } from 'astro/zod';
import { lastReviewed, servicePhone, sourceRef } from './common';
import { openingHours } from './centre';

/**
 * A general help line that is not a centre's own (112, 101, 1712, ...). One entry per
 * number in src/content/helplines/helplines.yaml. Everything a reader sees in words
 * (name, what it is for, the hours as the source says them, what a call is like) lives
 * in src/i18n/<lang>.json under `helpline.<id>.*`, so a translation is a file.
 * Every value here is in the facts ledger (facts/ledger.yaml) with its source.
 */
export const helplineSchema = z.strictObject({
  /** The short number itself, e.g. `"1712"`, or a short name for a line with a long number, e.g. `evc`. */
  id: z.string({ error: 'Vul het nummer in als id, tussen aanhalingstekens, bv. "1712", of een korte naam, bv. "evc".' }).regex(/^(\d{3,4}|[a-z]{2,12})$/, 'Geef een kort nummer van 3 of 4 cijfers, bv. "1712", of een korte naam in kleine letters, bv. "evc".'),
  /** The number as printed, when the id is a name, e.g. `0800 30 030`. */
  number: servicePhone.optional(),
  /** `nood` for emergency numbers (danger now), `praten` for lines to talk to someone. */
  use: z.enum(['nood', 'praten'], { error: 'Kies "nood" (bij gevaar) of "praten" (om te praten).' }),
  /** True only when a cited source says calling is free. */
  free: z.boolean().default(false),
  /** True only when a cited source says you need not say who you are. */
  anonymous: z.boolean().default(false),
  /** True only when a cited source says the line answers day and night. */
  allDay: z.boolean().default(false),
  /**
   * Exact weekly hours (Belgian time), only when a cited source gives them; a live
   * "Nu open" appears only then. Otherwise the hours stay in words (`helpline.<id>.hours`).
   */
  hours: z.array(openingHours).default([]),
  /** Where a reader checks the current hours themselves, e.g. `https://www.1712.be`. */
  infoUrl: z.url({ error: 'Schrijf het volledige webadres, bv. "https://www.1712.be".' }).optional(),
  /**
   * Every public page this entry rests on, read as a whole (not one sentence of it), named
   * where readers see the number. Each is in facts/ledger.yaml with the words that support it.
   */
  sources: z.array(sourceRef).min(1, 'Noem minstens één bron: title, url en retrieved.'),
  /** When and by whom this entry was last checked. */
  lastReviewed,
}).refine((h) => /^\d+$/.test(h.id) || h.number, {
  message: 'Een lijn met een naam als id heeft een nummer (number), bv. "0800 30 030".',
  path: ['number'],
}).refine((h) => !(h.allDay && h.hours.length > 0), {
  message: 'Een lijn die dag en nacht bereikbaar is (allDay: true) heeft geen weekuren (hours).',
  path: ['hours'],
});

export type Helpline = z.infer<typeof helplineSchema>;
