import { z } from 'astro/zod';

/**
 * Building blocks shared by the content schemas. Every message is Dutch and tells
 * the editor what to write, because it is shown as-is when the build fails.
 */

/** Dutch message for text that is too long, e.g. `Houd dit korter: hoogstens 300 tekens.` */
export const tooLong = (max: number) => `Houd dit korter: hoogstens ${max} tekens.`;

/** Dutch message for text that is too short or empty. */
export const tooShort = (min: number) => (min <= 1 ? 'Dit veld mag niet leeg zijn.' : `Schrijf minstens ${min} tekens.`);

/** A date written as YYYY-MM-DD in the frontmatter, e.g. `2026-03-14`. */
export const isoDate = (what: string) =>
  z.coerce.date({ error: `Schrijf ${what} als datum in de vorm JJJJ-MM-DD, bv. 2026-03-14.` });

/** A clock time as HH:MM (24 uur), e.g. `09:30`. */
export const clockTime = z
  .string({ error: 'Schrijf een uur als UU:MM tussen aanhalingstekens, bv. "09:30".' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Schrijf een uur als UU:MM (24 uur), bv. "09:30" of "16:00".');

/** A functional e-mail address of a service (never a staff member's own address). */
export const functionalEmail = z
  .string({ error: 'Vul een e-mailadres in, bv. "info@veilighuis.be".' })
  .trim()
  .email('Dit is geen geldig e-mailadres. Schrijf het volledig, bv. "info@veilighuis.be".');

/**
 * A Belgian phone number of a service line as it is printed, e.g. `03 435 98 10`.
 * Mobile numbers (04..) are refused: publish service lines, never a personal number.
 */
export const servicePhone = z
  .string({ error: 'Vul een telefoonnummer in, bv. "03 435 98 10".' })
  .trim()
  .regex(/^(0\d[\d ]{6,11}|1\d{2,3})$/, 'Schrijf het nummer zoals het gedrukt wordt, met cijfers en spaties, bv. "03 435 98 10" of "1712".')
  .refine((n) => !/^04/.test(n.replace(/\s/g, '')), 'Dit lijkt een gsm-nummer. Publiceer alleen vaste dienstlijnen, geen persoonlijk nummer van een medewerker.');

/** Who a text, line or activity is for. */
export const audience = z.enum(['slachtoffers', 'professionelen', 'iedereen'], {
  error: 'Kies "slachtoffers", "professionelen" of "iedereen".',
});

/** Day of the week as used in opening hours. */
export const weekday = z.enum(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'], {
  error: 'Schrijf een dag als ma, di, wo, do, vr, za of zo.',
});

/** A postal address in Flanders or Brussels. */
export const address = z.strictObject({
  /** Street and number, e.g. `Stationstraat 10`. */
  street: z.string({ error: 'Vul straat en huisnummer in, bv. "Stationstraat 10".' }).trim().min(1, tooShort(1)).meta({ title: 'Straat en huisnummer', description: 'Bv. "Stationstraat 10".' }),
  /** Four-digit postcode, e.g. `2300`. */
  postcode: z.string({ error: 'Vul de postcode in tussen aanhalingstekens, bv. "2300".' }).regex(/^\d{4}$/, 'Een postcode heeft 4 cijfers, bv. "2300".').meta({ title: 'Postcode', description: 'Vier cijfers, bv. "2300".' }),
  /** Municipality or district, e.g. `Turnhout`. */
  city: z.string({ error: 'Vul de gemeente in, bv. "Turnhout".' }).trim().min(1, tooShort(1)).meta({ title: 'Gemeente', description: 'Bv. "Turnhout".' }),
});

/**
 * Who last checked an entry and against what. `bronnen`: the editors checked it
 * against the source documents only; `centrum`: someone of the centre (a role,
 * never a name) confirmed it. Pages say "Laatst nagekeken" only for `centrum`.
 * Example: `lastReviewed: { date: 2026-12-02, by: bronnen }`.
 */
export const lastReviewed = z.strictObject(
  {
    /** Day of the check, e.g. `2026-12-02`. */
    date: isoDate('de datum van het laatste nazicht (lastReviewed.date)').meta({ title: 'Datum van het nazicht', description: 'De dag waarop iemand deze gegevens nakeek.' }),
    /** `bronnen` (checked against the source documents) or `centrum` (confirmed by the centre). */
    by: z.enum(['bronnen', 'centrum'], {
      error: 'Kies bij lastReviewed.by "bronnen" (nagekeken tegen de brondocumenten) of "centrum" (bevestigd door het centrum).',
    }).meta({ title: 'Nagekeken door', description: 'bronnen: nagekeken tegen de brondocumenten. centrum: iemand van het centrum bevestigde het. Alleen bij centrum staat "Laatst nagekeken op ..." op de site.' }),
    /** Optional remark, e.g. `Uren bevestigd door het onthaal`; a role, never a person's name. */
    note: z.string().trim().max(300, tooLong(300)).optional().meta({ title: 'Opmerking', description: 'Bv. "Uren bevestigd door het onthaal". Een functie, nooit de naam van een persoon.' }),
  },
  { error: 'Vul lastReviewed in als { date: 2026-12-02, by: bronnen }: de dag van het nazicht en wie nakeek (bronnen of centrum).' },
);

export type LastReviewed = z.infer<typeof lastReviewed>;

/**
 * Where a fact comes from and how old it is, in the words readers see next to the fact,
 * e.g. `de presentatie van najaar 2023`. Every view shows it with the fact, so a plan,
 * a pilot or an old figure never reads as today's offer.
 */
export const asOf = z
  .string({ error: 'Schrijf waar dit vandaan komt, met de datum van de bron, bv. "de presentatie van najaar 2023".' })
  .trim()
  .min(6, 'Schrijf de bron met haar datum, bv. "de presentatie van najaar 2023".')
  .max(100, tooLong(100));

/** Ids from the municipality list, e.g. `[aalst, gent]`: the places a fact holds for. */
export const municipalityIds = z.array(z.string().regex(/^[a-z0-9-]+$/, 'Gebruik de id van de gemeente, bv. "wortegem-petegem".'));

/** A public page a fact about a third party rests on, named where readers see the fact. */
export const sourceRef = z.strictObject({
  /** Name of the page as readers see it, e.g. `1712.be, Over 1712`. */
  title: z.string({ error: 'Geef de bron een naam, bv. "1712.be, Over 1712".' }).trim().min(3, tooShort(3)).max(120, tooLong(120)),
  /** Address of the page, e.g. `https://www.1712.be/nl/over-1712`. */
  url: z.url({ error: 'Schrijf het volledige webadres van de bron.' }),
  /** Day the page was read, e.g. `2026-12-02`. */
  retrieved: isoDate('de dag waarop de bron gelezen is (retrieved)'),
});

