/**
 * Which one-line notice a page in another language carries: none on Dutch pages and
 * on reviewed translations; "not translated yet" when the page falls back to Dutch;
 * "not yet reviewed by a native speaker" until someone who speaks it has read it.
 */
export type TranslationNotice = 'fallback' | 'unreviewed' | null;

export function translationNotice(lang: string, translation?: { reviewed: boolean }): TranslationNotice {
  if (lang === 'nl') return null;
  if (!translation) return 'fallback';
  return translation.reviewed ? null : 'unreviewed';
}
