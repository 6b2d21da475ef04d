import { z } from 'astro/zod';
import { audience, clockTime, isoDate, lastReviewed, tooLong, tooShort } from './common';

/** One dated session of an event. */
export const session = z.strictObject({
  /** The day, e.g. `2027-02-15`. */
  date: isoDate('de datum van de sessie'),
  /** Start time, e.g. `"09:30"`; leave out when not fixed yet. */
  start: clockTime.optional(),
  /** End time, e.g. `"16:30"`. */
  end: clockTime.optional(),
  /** Short note, e.g. `uren nog te bepalen`. */
  note: z.string().trim().max(120, tooLong(120)).optional(),
});

/** A course, training or info session with one or more dated sessions. */
export const eventSchema = z.strictObject({
  /** Title, e.g. `Je weren kan je leren`. */
  title: z.string({ error: 'Geef de activiteit een titel.' }).trim().min(3, tooShort(3)).max(120, tooLong(120)),
  /** Kind of activity. */
  kind: z.enum(['cursus', 'vorming', 'infosessie', 'voorstelling', 'andere'], { error: 'Kies "cursus", "vorming", "infosessie", "voorstelling" of "andere".' }),
  /** Ids of the centres that organise or announce it, e.g. `[kempen]`. */
  centres: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1, 'Noem minstens één centrum, bv. [kempen].'),
  /** Who it is for. */
  audience,
  /** One sentence for the agenda, e.g. `Cursus weerbaarheid en zelfverdediging voor vrouwen.` */
  summary: z.string({ error: 'Schrijf een korte samenvatting (één zin).' }).trim().min(3, tooShort(3)).max(300, tooLong(300)),
  /** The sessions; past ones drop off the agenda by themselves. */
  sessions: z.array(session).min(1, 'Geef minstens één sessie met een datum.'),
  /** Place, e.g. `Turnhout`. */
  place: z.string({ error: 'Vul de plaats in.' }).trim().min(2, tooShort(2)),
  /** How to register, e.g. `Inschrijven via het CAW`. */
  registration: z.string().trim().max(300, tooLong(300)).optional(),
  /** When and by whom this entry was last checked, e.g. `{ date: 2026-12-02, by: bronnen }`. */
  lastReviewed,
});

export type Event = z.infer<typeof eventSchema>;
