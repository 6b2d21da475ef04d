/**
 * Which one-line notice a page in another language carries: none on Dutch pages and
 * on reviewed translations; "not translated yet" when the page falls back to Dutch;
 * "not yet reviewed by a native speaker" until the language's own reviewer approved it;
 * "reviewed, but the Dutch changed since" when the Dutch it follows changed after the review.
 * A translation counts as reviewed only when `reviewed: true` comes with `reviewedBy`
 * naming that language's reviewer from src/content/reviewers.yaml (whose GitHub team
 * .github/CODEOWNERS makes approve every change to the language's files), and the words
 * are still those of the commit that recorded the review (src/lib/translation-review.ts).
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import type { ReviewSince } from './translation-review';

export type TranslationNotice = 'fallback' | 'unreviewed' | 'dutchChanged' | null;

/** A language's reviewers: a GitHub team of people who speak it well, and how a reviewed page names them. */
export const languageReviewerSchema = z.strictObject({
  /** GitHub team, e.g. `@veilighuis/vertaling-fr`; never a person's account. */
  team: z.string().regex(/^@[\w.-]+\/[\w.-]+$/, 'Schrijf een GitHub-team als "@organisatie/team", nooit een persoonlijke account.'),
  /** Function as `translation.reviewedBy` starts with it, e.g. `nalezer Frans`; never a person's name. */
  role: z.string().trim().min(3).max(60),
});
export type LanguageReviewer = z.infer<typeof languageReviewerSchema>;
export const languageReviewersSchema = z.record(z.string().regex(/^[a-z]+$/), languageReviewerSchema);

/** The reviewers per language code, from src/content/reviewers.yaml (`languages:`). */
export function languageReviewers(file = 'src/content/reviewers.yaml'): Record<string, LanguageReviewer> {
  const data = yaml.load(readFileSync(file, 'utf8')) as { languages?: unknown };
  return languageReviewersSchema.parse(data?.languages ?? {});
}

/**
 * `since` tells what changed after the review (src/lib/translation-review.ts); it is asked
 * only when the page claims a review, and without an answer nothing counts as reviewed.
 */
export function translationNotice(
  lang: string,
  translation?: { reviewed: boolean; reviewedBy?: string },
  reviewer?: LanguageReviewer,
  since?: () => ReviewSince | null,
): TranslationNotice {
  if (lang === 'nl') return null;
  if (!translation) return 'fallback';
  const claimed = translation.reviewed && reviewer !== undefined && translation.reviewedBy?.startsWith(reviewer.role) === true;
  if (!claimed) return 'unreviewed';
  const changed = since?.() ?? null;
  if (changed === null || changed.text) return 'unreviewed';
  return changed.dutch ? 'dutchChanged' : null;
}
