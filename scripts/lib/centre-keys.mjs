// Checks the centres' OpenPGP public keys (src/content/keys/<centre id>.asc) at build time,
// so that a key the function could not encrypt to never reaches a deploy: the referral would
// then fail for that centre instead of being delivered. Messages are Dutch: editors read them.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readKeys } from 'openpgp';

/** A key that expires within this many days gives a warning (time to ask the centre for a new one). */
export const WARN_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

const day = new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: 'numeric', month: 'long', year: 'numeric' });

/** `ABCD 1234 …`: how the fingerprint is read aloud on the phone to check a key. */
export const groupFingerprint = (hex) => hex.toUpperCase().match(/.{1,4}/g).join(' ');

/** The moment a key stops encrypting: the earliest of the primary key's and its encryption subkey's expiry. */
async function encryptionExpiry(key, encryptionKey) {
  const primary = await key.getExpirationTime();
  const times = [primary];
  if (encryptionKey !== key && typeof encryptionKey.getExpirationTime === 'function') times.push(await encryptionKey.getExpirationTime());
  const finite = times.filter((t) => t instanceof Date);
  return finite.length ? new Date(Math.min(...finite.map((t) => t.getTime()))) : null;
}

/**
 * One key file's verdict. `problem` fails the build, `warning` does not.
 * @param {string} file name shown to the editor, e.g. `src/content/keys/leuven.asc`
 * @param {string} armored the file's text
 * @param {Date} now
 * @returns {Promise<{ problem?: string, warning?: string, fingerprint?: string, expires?: string | null, armored?: string }>}
 */
export async function checkCentreKey(file, armored, now) {
  let keys;
  try {
    keys = await readKeys({ armoredKeys: armored });
  } catch {
    return { problem: `${file}: dit is geen leesbare OpenPGP-sleutel. Vraag het centrum om de publieke sleutel opnieuw te sturen, als tekst die begint met "-----BEGIN PGP PUBLIC KEY BLOCK-----".` };
  }
  if (keys.length !== 1) return { problem: `${file}: het bestand bevat ${keys.length} sleutels; zet er precies één in (de publieke sleutel van het centrum).` };
  const [key] = keys;
  if (key.isPrivate()) {
    return { problem: `${file}: dit is een PRIVÉSLEUTEL. Die mag nooit in de website staan. Verwijder het bestand, laat het centrum weten dat zijn privésleutel gedeeld is en vraag een nieuw sleutelpaar en alleen de publieke sleutel.` };
  }
  const fingerprint = groupFingerprint(key.getFingerprint());
  if (await key.isRevoked(undefined, undefined, now)) return { problem: `${file}: de sleutel ${fingerprint} is ingetrokken. Vraag het centrum om zijn nieuwe publieke sleutel.` };
  const expiry = await key.getExpirationTime();
  if (expiry instanceof Date && expiry.getTime() <= now.getTime()) {
    return { problem: `${file}: de sleutel ${fingerprint} is verlopen op ${day.format(expiry)}. Vraag het centrum om de vervaldatum te verlengen of om een nieuwe publieke sleutel.` };
  }
  let encryptionKey;
  try {
    encryptionKey = await key.getEncryptionKey(undefined, now);
  } catch {
    return { problem: `${file}: met de sleutel ${fingerprint} kan niet versleuteld worden (geen geldige versleutelingssleutel: verlopen, ingetrokken, te zwak of alleen om te ondertekenen). Vraag het centrum om een sleutel volgens docs/versleutelde-aflevering.md.` };
  }
  const expires = await encryptionExpiry(key, encryptionKey);
  const info = { fingerprint, expires: expires ? expires.toISOString() : null, armored: armored.trim() + '\n' };
  if (expires && expires.getTime() - now.getTime() < WARN_DAYS * DAY_MS) {
    return { ...info, warning: `${file}: de sleutel ${fingerprint} verloopt op ${day.format(expires)}. Vraag het centrum nu om de vervaldatum te verlengen en de vernieuwde publieke sleutel te sturen; na die datum faalt de bouw.` };
  }
  return info;
}

/**
 * Every key file in `dir`, checked against the known centre ids.
 * @returns {Promise<{ keys: Record<string, {armored: string, fingerprint: string, expires: string | null}>, problems: string[], warnings: string[] }>}
 */
export async function checkCentreKeys(dir, centreIds, now = new Date(), shownDir = 'src/content/keys') {
  const keys = {};
  const problems = [];
  const warnings = [];
  if (!existsSync(dir)) return { keys, problems, warnings };
  for (const name of readdirSync(dir).sort()) {
    const file = `${shownDir}/${name}`;
    if (name === 'README.md' || name.startsWith('.')) continue;
    if (!name.endsWith('.asc')) { problems.push(`${file}: alleen bestanden <centrum-id>.asc horen in deze map (publieke sleutels in tekstvorm).`); continue; }
    const id = name.slice(0, -'.asc'.length);
    if (!centreIds.includes(id)) { problems.push(`${file}: er is geen centrum met id "${id}". Noem het bestand naar het centrum, bv. ${centreIds[0] ?? 'leuven'}.asc.`); continue; }
    const verdict = await checkCentreKey(file, readFileSync(join(dir, name), 'utf8'), now);
    if (verdict.problem) { problems.push(verdict.problem); continue; }
    if (verdict.warning) warnings.push(verdict.warning);
    keys[id] = { armored: verdict.armored, fingerprint: verdict.fingerprint, expires: verdict.expires };
  }
  return { keys, problems, warnings };
}
