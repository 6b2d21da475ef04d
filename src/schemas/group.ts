import { z } from 'astro/zod';
import { audience, lastReviewed, tooLong, tooShort } from './common';

/** A peer support group (lotgenotengroep), part of track 0. */
export const groupSchema = z.strictObject({
  /** Name readers see, e.g. `Lotgenotengroep voor mannen`. */
  title: z.string({ error: 'Geef de groep een titel.' }).trim().min(3, tooShort(3)).max(120, tooLong(120)),
  /** Id of the centre, e.g. `oost-vlaanderen`. */
  centre: z.string({ error: 'Vul de id van het centrum in, bv. "oost-vlaanderen".' }).regex(/^[a-z0-9-]+$/),
  /** Who the group is for, in one sentence, e.g. `Mannen die geweld meemaakten van hun partner.` */
  forWhom: z.string({ error: 'Schrijf in één zin voor wie de groep is.' }).trim().min(3, tooShort(3)).max(300, tooLong(300)),
  /** Broad audience, used for filters. */
  audience: audience.default('slachtoffers'),
  /** Organisation that leads the group, e.g. `vzw Zijn en CAW`. */
  organiser: z.string({ error: 'Vul in wie de groep organiseert.' }).trim().min(2, tooShort(2)),
  /** Town or place, e.g. `Gent`. */
  place: z.string({ error: 'Vul de plaats in, bv. "Gent".' }).trim().min(2, tooShort(2)),
  /** How often it meets, e.g. `Maandelijks, op dinsdagavond`; leave out when not known yet. */
  rhythm: z.string().trim().max(200, tooLong(200)).optional(),
  /** `actief`, `gepland` (with `season`) or `volzet`. */
  status: z.enum(['actief', 'gepland', 'volzet'], { error: 'Kies "actief", "gepland" of "volzet".' }),
  /** For a planned group: when it starts, e.g. `voorjaar 2027`, or honestly `datum nog niet bekend`. */
  season: z.string().trim().max(100, 'Houd season kort (hoogstens 100 tekens), bv. "voorjaar 2027" of "datum nog niet bekend".').optional(),
  /** How to join, e.g. `Bel de centrale lijn of vraag het aan je hulpverlener.` */
  howToJoin: z.string({ error: 'Schrijf hoe iemand kan aansluiten.' }).trim().min(3, tooShort(3)).max(400, tooLong(400)),
  /** When and by whom this entry was last checked, e.g. `{ date: 2026-12-02, by: bronnen }`. */
  lastReviewed,
}).refine((g) => g.status !== 'gepland' || g.season, { message: 'Een geplande groep heeft een season, bv. "voorjaar 2027".', path: ['season'] });

export type Group = z.infer<typeof groupSchema>;
