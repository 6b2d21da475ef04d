import { z } from 'astro/zod';
import { audience, lastReviewed, tooLong, tooShort } from './common';

/** A general information page. The MDX body is the page text. */
export const pageSchema = z.strictObject({
  /** Heading of the page, e.g. `Veilig online`. */
  title: z.string({ error: 'Geef de pagina een titel.' }).trim().min(3, tooShort(3)).max(90, tooLong(90)).meta({ title: 'Titel', description: 'De kop van de pagina, bv. "Veilig online".' }),
  /** One or two sentences for search results and link previews. */
  description: z.string({ error: 'Schrijf een korte beschrijving (1 of 2 zinnen).' }).trim().min(10, tooShort(10)).max(200, tooLong(200)).meta({ title: 'Beschrijving', description: 'Eén of twee zinnen voor zoekresultaten.' }),
  /** Who the page is written for. */
  audience: audience.meta({ title: 'Voor wie', description: 'Voor wie de pagina geschreven is.' }),
  /** Tab title that draws less attention, e.g. `Hulp en advies`; leave out to use the title. */
  neutralTitle: z.string().trim().max(60, tooLong(60)).optional().meta({ title: 'Neutrale tabtitel', description: 'Een titel die minder opvalt in het tabblad, bv. "Hulp en advies". Laat leeg om de titel te gebruiken.' }),
  /** Position in menus, lower first. */
  order: z.number({ error: 'Schrijf de volgorde als getal, bv. 10.' }).int().default(100).meta({ title: 'Volgorde', description: 'Plaats in menu’s: een lager getal komt eerst.' }),
  /** When and by whom this entry was last checked, e.g. `{ date: 2026-12-02, by: bronnen }`. */
  lastReviewed: lastReviewed.meta({ title: 'Laatst nagekeken', description: 'Wanneer en door wie deze pagina het laatst nagekeken is.' }),
});

export type Page = z.infer<typeof pageSchema>;
