import { z } from 'astro/zod';
import { isoDate, lastReviewed } from './common';
import { openingHours } from './centre';

/**
 * A general help line that is not a centre's own (112, 101, 1712, ...). One entry per
 * number in src/content/helplines/helplines.yaml. Everything a reader sees in words
 * (name, what it is for, the hours as the source says them, what a call is like) lives
 * in src/i18n/<lang>.json under `helpline.<id>.*`, so a translation is a file.
 * Every value here is in the facts ledger (facts/ledger.yaml) with its source.
 */
export const helplineSchema = z.strictObject({
  /** The number itself, also the entry's id, e.g. `"1712"`. */
  id: z.string({ error: 'Vul het nummer in als id, tussen aanhalingstekens, bv. "1712".' }).regex(/^\d{3,4}$/, 'Een algemene hulplijn heeft een kort nummer van 3 of 4 cijfers, bv. "1712".'),
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
  /** The public page this entry is based on, and when it was read. */
  source: z.strictObject({
    /** Address of the page, e.g. `https://www.1712.be/nl/over-1712`. */
    url: z.url({ error: 'Schrijf het volledige webadres van de bron.' }),
    /** Day the page was read, e.g. `2026-12-02`. */
    retrieved: isoDate('de dag waarop de bron gelezen is (source.retrieved)'),
  }),
  /** When and by whom this entry was last checked. */
  lastReviewed,
}).refine((h) => !(h.allDay && h.hours.length > 0), {
  message: 'Een lijn die dag en nacht bereikbaar is (allDay: true) heeft geen weekuren (hours).',
  path: ['hours'],
});

export type Helpline = z.infer<typeof helplineSchema>;
