import { solveChallenge } from 'altcha-lib/v1';
import type { ProofChallenge } from '../lib/intake/guard/proof';

/**
 * The enhanced form's proof of work (ALTCHA's protocol, solved here, in this page): the
 * challenge comes from our own function for this submission id, is solved while the
 * referrer reads the check step, and travels with the form as `proof`. No other host, no
 * cookie, nothing stored. Without it (an old browser, the function down) the form still
 * goes, under the stricter limit per address.
 */
const solving = new Map<string, Promise<string | null>>();

export function proofFor(submissionId: string): Promise<string | null> {
  let proof = solving.get(submissionId);
  if (!proof) solving.set(submissionId, (proof = solve(submissionId)));
  return proof;
}

async function solve(submissionId: string): Promise<string | null> {
  try {
    const res = await fetch(`/api/intake-challenge/?id=${encodeURIComponent(submissionId)}`, { credentials: 'omit', cache: 'no-store' });
    if (!res.ok) return null;
    const c = (await res.json()) as ProofChallenge;
    const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    return solution ? btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt, signature: c.signature })) : null;
  } catch {
    return null;
  }
}
