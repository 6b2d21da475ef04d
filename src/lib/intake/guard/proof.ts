import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';

/**
 * The proof of work of the enhanced form (ALTCHA's protocol, altcha-lib, self-hosted: no
 * other host, no cookie, no storage). The challenge comes from our own function, is signed
 * with a key derived from REFERENCE_SECRET, expires after 10 minutes and names the
 * submission id, so one solution vouches for one submission only: replaying it can only
 * resend the same submission, which the idempotency key already makes one mail.
 */
export const PROOF_TTL_MS = 10 * 60 * 1000;
const proofKey = (secret: string) => `ifg-proof:${secret}`;

export interface ProofChallenge { algorithm: string; challenge: string; maxnumber?: number; salt: string; signature: string }

export function challengeFor(submissionId: string, secret: string, maxNumber: number, now = Date.now()): Promise<ProofChallenge> {
  return createChallenge({ hmacKey: proofKey(secret), maxNumber, expires: new Date(now + PROOF_TTL_MS), params: { sid: submissionId } });
}

/** True when `payload` (base64 JSON, as the client sends it) solves a live challenge we signed for this submission id. */
export async function proofHolds(payload: unknown, submissionId: string, secret: string): Promise<boolean> {
  if (typeof payload !== 'string' || payload.length > 1024) return false;
  try {
    if (!(await verifySolution(payload, proofKey(secret), true))) return false;
    return extractParams(payload).sid === submissionId;
  } catch {
    return false;
  }
}
