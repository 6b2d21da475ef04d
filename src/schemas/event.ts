import { z } from 'astro/zod';
import { audience, clockTime, isoDate, lastReviewed, tooLong, tooShort } from './common';

/** One dated session of an event. */
export const session = z.strictObject({
  /** The day, e.g. `2027-02-15`. */
  date: isoDate('de datum van de sessie').meta({ title: 'Datum', description: 'De dag van de sessie.' }),
  /** Start time, e.g. `"09:30"`; leave out when not fixed yet. */
  start: clockTime.optional().meta({ title: 'Beginuur', description: 'UU:MM, bv. 09:30. Laat leeg als het uur nog niet vastligt.' }),
  /** End time, e.g. `"16:30"`. */
  end: clockTime.optional().meta({ title: 'Einduur', description: 'UU:MM, bv. 16:30.' }),
  /** Short note, e.g. `uren nog te bepalen`. */
  note: z.string().trim().max(120, tooLong(120)).optional().meta({ title: 'Opmerking', description: 'Kort, bv. "uren nog te bepalen".' }),
});

/** A course, training or info session with one or more dated sessions. */
export const eventSchema = z.strictObject({
  /** Title, e.g. `Je weren kan je leren`. */
  title: z.string({ error: 'Geef de activiteit een titel.' }).trim().min(3, tooShort(3)).max(120, tooLong(120)).meta({ title: 'Titel', description: 'Bv. "Je weren kan je leren".' }),
  /** Kind of activity. */
  kind: z.enum(['cursus', 'vorming', 'infosessie', 'voorstelling', 'andere'], { error: 'Kies "cursus", "vorming", "infosessie", "voorstelling" of "andere".' }).meta({ title: 'Soort activiteit' }),
  /** Ids of the centres in whose area it takes place, e.g. `[kempen]`; the event is listed under them. */
  centres: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1, 'Noem minstens één centrum, bv. [kempen].').meta({ title: 'Centra', description: 'De centra in wier werkgebied de activiteit plaatsvindt. Ze staat in hun agenda.' }),
  /** Id of the municipality where it takes place, e.g. `turnhout`; one of `centres` must serve it. */
  municipality: z.string({ error: 'Vul de id in van de gemeente waar de activiteit plaatsvindt, bv. "turnhout".' }).regex(/^[a-z0-9-]+$/, 'Gebruik de id van de gemeente, bv. "turnhout".').meta({ title: 'Gemeente', description: 'Waar de activiteit plaatsvindt, bv. "turnhout". Een van de gekozen centra werkt in die gemeente.' }),
  /** Who announced it, when that is not the centre itself, e.g. `de stuurgroep van de ketenaanpak Turnhout (2017)`. */
  announcedBy: z.string().trim().min(3, tooShort(3)).max(120, tooLong(120)).optional().meta({ title: 'Aangekondigd door', description: 'Als niet het centrum zelf de activiteit aankondigde, bv. "de stuurgroep van de ketenaanpak Turnhout (2017)".' }),
  /** Who it is for. */
  audience: audience.meta({ title: 'Voor wie' }),
  /** One sentence for the agenda, e.g. `Cursus weerbaarheid en zelfverdediging voor vrouwen.` */
  summary: z.string({ error: 'Schrijf een korte samenvatting (één zin).' }).trim().min(3, tooShort(3)).max(300, tooLong(300)).meta({ title: 'Samenvatting', description: 'Eén zin voor de agenda, bv. "Cursus weerbaarheid en zelfverdediging voor vrouwen."' }),
  /** The sessions; past ones drop off the agenda by themselves. */
  sessions: z.array(session).min(1, 'Geef minstens één sessie met een datum.').meta({ title: 'Sessies', description: 'Elke dag van de activiteit. Voorbije sessies verdwijnen vanzelf uit de agenda.' }),
  /** Place, e.g. `Turnhout`. */
  place: z.string({ error: 'Vul de plaats in.' }).trim().min(2, tooShort(2)).meta({ title: 'Plaats', description: 'Bv. "Turnhout".' }),
  /** How to register, e.g. `Inschrijven via het CAW`. */
  registration: z.string().trim().max(300, tooLong(300)).optional().meta({ title: 'Inschrijven', description: 'Hoe iemand inschrijft, bv. "Inschrijven via het CAW".' }),
  /** When and by whom this entry was last checked, e.g. `{ date: 2026-12-02, by: bronnen }`. */
  lastReviewed: lastReviewed.meta({ title: 'Laatst nagekeken', description: 'Wanneer en door wie deze gegevens het laatst nagekeken zijn.' }),
});

export type Event = z.infer<typeof eventSchema>;
