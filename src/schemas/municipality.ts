import { z } from 'astro/zod';
import { tooShort } from './common';

/** A municipality (2025 boundaries) and the centre that serves it. */
export const municipalitySchema = z.strictObject({
  /** Lower-case id without accents, e.g. `sint-niklaas`. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'De id bestaat uit kleine letters, cijfers en streepjes, bv. "sint-niklaas".'),
  /** Official Dutch name, e.g. `Sint-Niklaas`. */
  name: z.string({ error: 'Vul de officiële naam van de gemeente in.' }).trim().min(1, tooShort(1)),
  /** NIS code of 5 digits, e.g. `46021`. */
  nis: z.string().regex(/^\d{5}$/, 'De NIS-code heeft 5 cijfers, tussen aanhalingstekens, bv. "46021".'),
  /** `vlaanderen` or `brussel`. */
  region: z.enum(['vlaanderen', 'brussel'], { error: 'Kies "vlaanderen" of "brussel".' }),
  /** Every postcode of the municipality, main one first, e.g. `["9100", "9111", "9112"]`. */
  postcodes: z.array(z.string().regex(/^\d{4}$/, 'Een postcode heeft 4 cijfers, bv. "9100".')).min(1, 'Noem minstens één postcode.'),
  /** Province (Flemish municipalities only). */
  province: z.string().optional(),
  /** Local police zone, e.g. `PZ Sint-Niklaas`. */
  policeZone: z.string().optional(),
  /** Other names people type: former municipalities and districts, e.g. `["Borgerhout", "Deurne"]`. */
  aliases: z.array(z.string().trim().min(1, tooShort(1))).default([]),
  /** Id of the centre that serves it; `null` for Brussels. */
  centre: z.string().regex(/^[a-z0-9-]+$/).nullable(),
}).refine((m) => (m.region === 'brussel') === (m.centre === null), {
  message: 'Een Vlaamse gemeente heeft precies één centrum (bv. centre: oost-vlaanderen); een Brusselse gemeente heeft centre: null.',
  path: ['centre'],
});

export type Municipality = z.infer<typeof municipalitySchema>;
