/**
 * References like `OVL-7K3M-9QXP`: the centre code plus 8 characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, U), read over the phone without spelling mistakes.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PATTERN = new RegExp(`^[A-Z]{3}-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);

/** Eight characters from the bytes, without modulo bias (bytes >= 240 are skipped); null if too few. */
export function referenceFromBytes(centreCode: string, bytes: Uint8Array): string | null {
  const n = REFERENCE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let chars = '';
  for (const b of bytes) {
    if (b >= limit) continue;
    chars += REFERENCE_ALPHABET[b % n];
    if (chars.length === 8) return `${centreCode}-${chars.slice(0, 4)}-${chars.slice(4)}`;
  }
  return null;
}

/**
 * The same submission id always gives the same reference, so a resubmitted form shows
 * the reference the centre already has.
 */
export async function referenceFor(centreCode: string, submissionId: string): Promise<string> {
  let input = new TextEncoder().encode(`ifg-reference:${submissionId}`);
  for (;;) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
    const reference = referenceFromBytes(centreCode, digest);
    if (reference) return reference;
    input = digest;
  }
}

/** A random submission id, as the browser makes one (also used when a no-JS form has none). */
export function newSubmissionId(): string {
  return crypto.randomUUID();
}

export const SUBMISSION_ID_PATTERN = /^[A-Za-z0-9-]{16,64}$/;
