/**
 * Which translated page exists for which language. A page of the victim path
 * without a translation is shown in Dutch, with a notice in the reader's language.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from '../i18n/languages';

export type TranslationEntry = CollectionEntry<'translations'>;

let all: Promise<TranslationEntry[]> | undefined;

/** The translation of a Dutch page (`hulp`, `index`, `gemeenten`) into a language, if there is one. */
export async function translationOf(lang: Lang, page: string): Promise<TranslationEntry | undefined> {
  all ??= getCollection('translations');
  return (await all).find((e) => e.id === `${lang}/${page}`);
}
