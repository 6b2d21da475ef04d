import { z } from 'astro/zod';

/**
 * Where a professional can go with a question while the centre of the region has no
 * channel for professionals on this site. Only what a captured source says, with that
 * source (facts/sources + facts/ledger.yaml): no source, no alternative.
 */
export const professionalAlternative = z.strictObject({
  /** Short id, e.g. `vertrouwenscentrum-kindermishandeling`. */
  id: z.string().regex(/^[a-z0-9-]+$/, 'Gebruik alleen kleine letters, cijfers en streepjes, bv. "vertrouwenscentrum-kindermishandeling".'),
  /** The sentence readers see, as the source says it, e.g. `Bij een vermoeden van kindermishandeling kun je als professional vaak terecht bij een Vertrouwenscentrum Kindermishandeling.` */
  text: z.string().trim().min(10, 'Schrijf één zin die zegt waar een professional terechtkan.').max(300, 'Houd de zin kort (hoogstens 300 tekens).'),
  /** Where the source's statement holds: `vlaanderen`, `brussel`, or both. */
  regions: z.array(z.enum(['vlaanderen', 'brussel'])).min(1, 'Noem minstens één gewest waar de bron voor geldt, bv. [vlaanderen].'),
  /** Only for these centres' areas (centre ids); leave out when the source does not limit it. */
  centres: z.array(z.string()).optional(),
  /** The captured source: its key in facts/ledger.yaml, the address and the day it was read. */
  source: z.strictObject({
    /** Key under `sources` in facts/ledger.yaml, e.g. `page-1712`. */
    key: z.string().min(1, 'Geef de sleutel van de bron in facts/ledger.yaml, bv. "page-1712".'),
    /** Title readers see, e.g. `1712.be, Over 1712`. */
    title: z.string().min(3, 'Geef de titel van de bron, bv. "1712.be, Over 1712".'),
    /** The page's address. */
    url: z.url({ error: 'Geef het webadres van de bron, bv. "https://www.1712.be/nl/over-1712".' }),
    /** The day the page was read, `YYYY-MM-DD`. */
    retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Schrijf de datum als JJJJ-MM-DD, bv. 2026-12-02.'),
  }),
});

export const professionalAlternatives = z.strictObject({ alternatives: z.array(professionalAlternative) });
export type ProfessionalAlternative = z.infer<typeof professionalAlternative>;
