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

const keys = new Map<string, Promise<CryptoKey>>();
const hmacKey = (secret: string) => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])));
  return key;
};

/**
 * HMAC-SHA256 of the submission id under the server's REFERENCE_SECRET: the same
 * submission always gets the same reference (a resubmit shows what the centre already
 * has), but the client, who chooses the id, cannot choose or predict the reference.
 */
export async function referenceFor(centreCode: string, submissionId: string, secret: string): Promise<string> {
  const key = await hmacKey(secret);
  let input = new TextEncoder().encode(`ifg-reference:${submissionId}`);
  for (;;) {
    const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, input));
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
