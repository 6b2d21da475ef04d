import { z } from 'astro/zod';
import { audience, lastReviewed, tooLong, tooShort } from './common';

/** A general information page. The MDX body is the page text. */
export const pageSchema = z.strictObject({
  /** Heading of the page, e.g. `Veilig online`. */
  title: z.string({ error: 'Geef de pagina een titel.' }).trim().min(3, tooShort(3)).max(90, tooLong(90)),
  /** One or two sentences for search results and link previews. */
  description: z.string({ error: 'Schrijf een korte beschrijving (1 of 2 zinnen).' }).trim().min(10, tooShort(10)).max(200, tooLong(200)),
  /** Who the page is written for. */
  audience,
  /** Tab title that draws less attention, e.g. `Hulp en advies`; leave out to use the title. */
  neutralTitle: z.string().trim().max(60, tooLong(60)).optional(),
  /** Position in menus, lower first. */
  order: z.number({ error: 'Schrijf de volgorde als getal, bv. 10.' }).int().default(100),
  /** When and by whom this entry was last checked, e.g. `{ date: 2026-12-02, by: bronnen }`. */
  lastReviewed,
});

export type Page = z.infer<typeof pageSchema>;
