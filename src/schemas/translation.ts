import { z } from 'astro/zod';
import { isoDate, tooLong, tooShort } from './common';

/**
 * A translated page of the victim path: src/content/translations/<taal>/<pagina>.mdx.
 * The file name is the id of the Dutch page (`hulp`, `noodnummers`, ...), `index` for
 * the home page and `gemeenten` for the municipality answer. The MDX body is the page
 * text (home and municipality answer take their text from src/i18n/<taal>.json).
 */
export const translationSchema = z.strictObject({
  /** Heading of the page in the language, e.g. `I am looking for help`. */
  title: z.string({ error: 'Geef de vertaalde pagina een titel.' }).trim().min(3, tooShort(3)).max(90, tooLong(90)),
  /** One or two sentences for search results, in the language. */
  description: z.string({ error: 'Schrijf een korte beschrijving (1 of 2 zinnen) in de taal van de pagina.' }).trim().min(10, tooShort(10)).max(200, tooLong(200)),
  /** Tab title that draws less attention, e.g. `Help and advice`; leave out to use the title. */
  neutralTitle: z.string().trim().max(60, tooLong(60)).optional(),
  /** Where the translation comes from and whether someone who speaks the language read it. */
  translation: z.strictObject({
    /** The Dutch page and the day of the Dutch text that was translated. */
    from: z.strictObject({
      /** Id of the Dutch page, e.g. `hulp` (src/content/pages/hulp.mdx); `index` for the home page, `gemeenten` for the municipality answer. */
      page: z.string({ error: 'Schrijf bij translation.from.page de id van de Nederlandse pagina, bv. hulp.' }).regex(/^[a-z0-9-]+$/, 'Gebruik de id van de Nederlandse pagina, bv. hulp.'),
      /** Day of the Dutch version that was translated, e.g. `2026-12-02`. */
      date: isoDate('de dag van de Nederlandse tekst (translation.from.date)'),
    }),
    /** False until a person who speaks the language well has read it; the page says so until then. */
    reviewed: z.boolean({ error: 'Schrijf reviewed: false, of true als iemand die de taal spreekt de vertaling nalas.' }),
    /** Who reviewed it and when, as a function, never a person's name, e.g. `tolk CAW, 2027-01-15`. */
    reviewedBy: z.string().trim().max(80, tooLong(80)).optional(),
  }),
});

export type Translation = z.infer<typeof translationSchema>;
