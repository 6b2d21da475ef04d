import type { FormKind } from './kinds';

/**
 * The fixed URLs of the intake. The forms post to the contract paths (/api/referral,
 * /api/advice); the functions answer the slash spelling too, on Netlify and under
 * `npm start` (scripts/dev-api-paths.mjs).
 */
export const intakePaths: Record<FormKind, { page: string; api: string; done: string }> = {
  referral: { page: '/professionals/aanmelden/', api: '/api/referral', done: '/professionals/aanmelden/verzonden/' },
  advice: { page: '/professionals/advies/', api: '/api/advice', done: '/professionals/advies/verzonden/' },
};

/** The confirmation page: centre and status in the path, the reference in the fragment, never an answer. */
export function confirmationUrl(kind: FormKind, centreId: string, status: 'sent' | 'queued', reference: string): string {
  return `${intakePaths[kind].done}${centreId}/${status === 'sent' ? 'verzonden' : 'in-wachtrij'}/#${reference}`;
}
