import generated from '../generated/centre-keys.json';

/**
 * The centres' OpenPGP public keys, from src/content/keys/<centre id>.asc, checked at build
 * time by scripts/generate-directory.mjs. A centre with a key gets encrypted mail.
 */
export interface CentreKey {
  armored: string;
  /** Groups of four hex digits, as the centre reads it from its own mail program. */
  fingerprint: string;
  /** When the key stops encrypting (ISO 8601), or null for never. */
  expires: string | null;
}

let keys: Record<string, CentreKey> = generated as Record<string, CentreKey>;

/** The key mail to this centre is encrypted to, or null: then it goes as plain mail. */
export function centreKeyFor(centreId: string): CentreKey | null {
  return Object.hasOwn(keys, centreId) ? keys[centreId] : null;
}

/**
 * Function tests only: keys made at test time (a private key is never committed), without
 * touching the content folder that other tests read. Returns the undo.
 */
export function useCentreKeysForTests(next: Record<string, CentreKey>): () => void {
  const before = keys;
  keys = next;
  return () => { keys = before; };
}
