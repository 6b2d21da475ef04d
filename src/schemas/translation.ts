import { z } from 'astro/zod';
import { isoDate, tooLong, tooShort } from './common';

/**
 * A translated page of the victim path: src/content/translations/<taal>/<pagina>.mdx.
 * The file name is the id of the Dutch page (`hulp`, `noodnummers`, ...), `index` for
 * the home page and `gemeenten` for the municipality answer. The MDX body is the page
 * text (home and municipality answer take their text from src/i18n/<taal>.json).
 * Editors reach it at /admin/, one collection per language (src/lib/cms/collections.ts).
 */
export const translationSchema = z.strictObject({
  /** Heading of the page in the language, e.g. `I am looking for help`. */
  title: z.string({ error: 'Geef de vertaalde pagina een titel.' }).trim().min(3, tooShort(3)).max(90, tooLong(90)).meta({ title: 'Titel', description: 'De kop van de pagina, in de taal van de vertaling.' }),
  /** One or two sentences for search results, in the language. */
  description: z.string({ error: 'Schrijf een korte beschrijving (1 of 2 zinnen) in de taal van de pagina.' }).trim().min(10, tooShort(10)).max(200, tooLong(200)).meta({ title: 'Beschrijving', description: 'Eén of twee zinnen voor zoekresultaten, in de taal van de pagina.' }),
  /** Tab title that draws less attention, e.g. `Help and advice`; leave out to use the title. */
  neutralTitle: z.string().trim().max(60, tooLong(60)).optional().meta({ title: 'Neutrale tabtitel', description: 'Een titel die minder opvalt in het tabblad, in de taal van de pagina. Laat leeg om de titel te gebruiken.' }),
  /** Where the translation comes from and whether the language's reviewer approved it. */
  translation: z.strictObject({
    /** The Dutch page and the day of the Dutch text that was translated. */
    from: z.strictObject({
      /** Id of the Dutch page, e.g. `hulp` (src/content/pages/hulp.mdx); `index` for the home page, `gemeenten` for the municipality answer. */
      page: z.string({ error: 'Schrijf bij translation.from.page de id van de Nederlandse pagina, bv. hulp.' }).regex(/^[a-z0-9-]+$/, 'Gebruik de id van de Nederlandse pagina, bv. hulp.').meta({ title: 'Nederlandse pagina', description: 'De id van de Nederlandse pagina, gelijk aan de bestandsnaam.' }),
      /** Day of the Dutch version that was translated, e.g. `2026-12-02`. */
      date: isoDate('de dag van de Nederlandse tekst (translation.from.date)').meta({ title: 'Datum van de Nederlandse tekst', description: 'De dag van de Nederlandse tekst die je vertaalde. Werk je de vertaling bij na een Nederlandse wijziging, zet dan hier de dag van die wijziging.' }),
    }).meta({ title: 'Vertaald van', description: 'De Nederlandse tekst die deze vertaling volgt.' }),
    /** True only when the language's reviewer (src/content/reviewers.yaml) approved this text; the page says "not yet reviewed" until then. */
    reviewed: z.boolean({ error: 'Schrijf reviewed: false, of true als de nalezer van de taal de vertaling goedkeurde.' }).meta({ title: 'Nagelezen', description: 'Aan als de nalezer van deze taal de hele pagina nalas en goedkeurt.' }),
    /** The reviewer's function and the day, never a person's name, e.g. `nalezer Frans, 2027-01-15`. */
    reviewedBy: z.string().trim().max(80, tooLong(80)).optional().meta({ title: 'Nagelezen door', description: 'De functie van de nalezer en de dag van het nalezen, nooit een persoonsnaam.' }),
  }).meta({ title: 'Vertaling', description: 'Welke Nederlandse tekst deze pagina volgt, en of de nalezer van de taal ze goedkeurde.' }),
});

export type Translation = z.infer<typeof translationSchema>;
