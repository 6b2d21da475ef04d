import { z } from 'astro/zod';
import { audience, lastReviewed, tooLong, tooShort } from './common';

/** A peer support group (lotgenotengroep), part of track 0. */
export const groupSchema = z.strictObject({
  /** Name readers see, e.g. `Lotgenotengroep voor mannen`. */
  title: z.string({ error: 'Geef de groep een titel.' }).trim().min(3, tooShort(3)).max(120, tooLong(120)).meta({ title: 'Naam van de groep', description: 'Zoals lezers ze zien, bv. "Lotgenotengroep voor mannen".' }),
  /** Id of the centre, e.g. `oost-vlaanderen`. */
  centre: z.string({ error: 'Vul de id van het centrum in, bv. "oost-vlaanderen".' }).regex(/^[a-z0-9-]+$/).meta({ title: 'Centrum', description: 'Het centrum waar de groep bij hoort.' }),
  /** Who the group is for, in one sentence, e.g. `Mannen die geweld meemaakten van hun partner.` */
  forWhom: z.string({ error: 'Schrijf in één zin voor wie de groep is.' }).trim().min(3, tooShort(3)).max(300, tooLong(300)).meta({ title: 'Voor wie', description: 'Eén zin, bv. "Mannen die geweld meemaakten van hun partner."' }),
  /** Broad audience, used for filters. */
  audience: audience.default('slachtoffers').meta({ title: 'Doelgroep', description: 'Voor de filters op de site.' }),
  /** Organisation that leads the group, e.g. `vzw Zijn en CAW`. */
  organiser: z.string({ error: 'Vul in wie de groep organiseert.' }).trim().min(2, tooShort(2)).meta({ title: 'Organisator', description: 'Bv. "vzw Zijn en CAW".' }),
  /** Town or place, e.g. `Gent`. */
  place: z.string({ error: 'Vul de plaats in, bv. "Gent".' }).trim().min(2, tooShort(2)).meta({ title: 'Plaats', description: 'Bv. "Gent".' }),
  /** How often it meets, e.g. `Maandelijks, op dinsdagavond`; leave out when not known yet. */
  rhythm: z.string().trim().max(200, tooLong(200)).optional().meta({ title: 'Hoe vaak', description: 'Bv. "Maandelijks, op dinsdagavond". Laat leeg als het nog niet bekend is.' }),
  /** `actief`, `gepland` (with `season`) or `volzet`. */
  status: z.enum(['actief', 'gepland', 'volzet'], { error: 'Kies "actief", "gepland" of "volzet".' }).meta({ title: 'Status', description: 'actief, gepland (vul dan "Start" in) of volzet.' }),
  /** For a planned group: when it starts, e.g. `voorjaar 2027`, or honestly `datum nog niet bekend`. */
  season: z.string().trim().max(100, 'Houd season kort (hoogstens 100 tekens), bv. "voorjaar 2027" of "datum nog niet bekend".').optional().meta({ title: 'Start', description: 'Voor een geplande groep, bv. "voorjaar 2027", of eerlijk "datum nog niet bekend".' }),
  /** Where the status comes from while the centre has not confirmed it, e.g. `de presentatie van najaar 2023`. */
  asOf: z.string().trim().min(3, tooShort(3)).max(100, tooLong(100)).optional().meta({ title: 'Bron van de status', description: 'Zolang het centrum de status niet bevestigde: waar ze vandaan komt, bv. "de presentatie van najaar 2023".' }),
  /** How to join, e.g. `Bel de centrale lijn of vraag het aan je hulpverlener.` */
  howToJoin: z.string({ error: 'Schrijf hoe iemand kan aansluiten.' }).trim().min(3, tooShort(3)).max(400, tooLong(400)).meta({ title: 'Hoe aansluiten', description: 'Bv. "Bel de centrale lijn of vraag het aan je hulpverlener."' }),
  /** When and by whom this entry was last checked, e.g. `{ date: 2026-12-02, by: bronnen }`. */
  lastReviewed: lastReviewed.meta({ title: 'Laatst nagekeken', description: 'Wanneer en door wie deze gegevens het laatst nagekeken zijn.' }),
}).refine((g) => g.status !== 'gepland' || g.season, { message: 'Een geplande groep heeft een season, bv. "voorjaar 2027".', path: ['season'] })
  // A status read in a source is the status on the source's date, not today's: readers see that date.
  .refine((g) => g.lastReviewed.by === 'centrum' || g.asOf, { message: 'Deze groep is niet door het centrum bevestigd: vul asOf in met de bron en haar datum, bv. "de presentatie van najaar 2023".', path: ['asOf'] });

export type Group = z.infer<typeof groupSchema>;
