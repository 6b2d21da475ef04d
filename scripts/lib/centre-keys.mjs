// Checks the centres' OpenPGP public keys (src/content/keys/<centre id>.asc) at build time,
// so that a key the function could not encrypt to never reaches a deploy: the referral would
// then fail for that centre instead of being delivered. A file with any secret key material
// fails (whatever else it holds), a key must have the fingerprint the centre confirmed by
// phone (`keyFingerprint` in its content), and only the public key itself, re-armored, goes
// on to centre-keys.json and so into the function bundles. Messages are Dutch: editors read them.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  config, enums, MarkerPacket, PacketList, PaddingPacket, PublicKeyPacket, PublicSubkeyPacket, readKeys,
  SecretKeyPacket, SecretSubkeyPacket, SignaturePacket, TrustPacket, unarmor, UserAttributePacket, UserIDPacket,
} from 'openpgp';

/** A key that expires within this many days gives a warning (time to ask the centre for a new one). */
export const WARN_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

const day = new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: 'numeric', month: 'long', year: 'numeric' });

/** `ABCD 1234 …`: how the fingerprint is read aloud on the phone to check a key. */
export const groupFingerprint = (hex) => hex.toUpperCase().match(/.{1,4}/g).join(' ');
/** The confirmed fingerprint as the editor typed it (spaces, lower case), in groups of four; null when absent. */
const normalFingerprint = (typed) => (typeof typed === 'string' && typed.trim() ? groupFingerprint(typed.replace(/\s+/g, '')) : null);

// Every armored block of the file, whatever its label: a file that opens with the public key
// can hold the secret-key backup after it, and openpgp's readKeys reads only the first block.
const BLOCK = /-----BEGIN PGP ([A-Z0-9 ,/]+)-----[\s\S]*?-----END PGP \1-----/g;
const SECRET_TAGS = new Set([enums.packet.secretKey, enums.packet.secretSubkey]);
const KEY_PACKETS = Object.fromEntries([
  PublicKeyPacket, PublicSubkeyPacket, SecretKeyPacket, SecretSubkeyPacket, UserIDPacket, UserAttributePacket,
  SignaturePacket, TrustPacket, MarkerPacket, PaddingPacket,
].map((packet) => [packet.tag, packet]));

const unreadableProblem = (file) =>
  `${file}: dit is geen leesbare OpenPGP-sleutel. Vraag het centrum om de publieke sleutel opnieuw te sturen, als tekst die begint met "-----BEGIN PGP PUBLIC KEY BLOCK-----".`;
const privateKeyProblem = (file) =>
  `${file}: dit bestand bevat een PRIVÉSLEUTEL (geheim sleutelmateriaal). Die mag nooit in de website staan, ook niet naast de publieke sleutel. Verwijder het bestand uit de wijziging, laat het centrum weten dat zijn privésleutel gedeeld is en vraag een nieuw sleutelpaar en alleen de publieke sleutel (docs/versleutelde-aflevering.md, stap 3).`;

/** True when the block's packets hold secret key material, whatever its armor label says. */
async function holdsSecret(block) {
  let data;
  try {
    ({ data } = await unarmor(block));
  } catch {
    return false; // unreadable: readKeys refuses it below
  }
  const packets = await PacketList.fromBinary(data, KEY_PACKETS, { ...config, ignoreUnsupportedPackets: true, ignoreMalformedPackets: true, enforceGrammar: false }).catch(() => null);
  // Packets that cannot be read at all: readKeys refuses the block as unreadable below.
  return packets ? packets.some((packet) => SECRET_TAGS.has(packet.constructor.tag)) : false;
}

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
 * @param {string} text the file's text
 * @param {Date} now
 * @param {string | null | undefined} confirmed the fingerprint in the centre's content (`keyFingerprint`), confirmed by phone
 * @returns {Promise<{ problem?: string, warning?: string, fingerprint?: string, expires?: string | null, armored?: string }>}
 */
export async function checkCentreKey(file, text, now, confirmed) {
  const blocks = [...text.matchAll(BLOCK)].map((m) => ({ label: m[1], text: m[0] }));
  if (/PRIVATE KEY BLOCK/.test(text) || blocks.some((b) => b.label !== 'PUBLIC KEY BLOCK' && /PRIVATE|SECRET/.test(b.label))) return { problem: privateKeyProblem(file) };
  for (const block of blocks) if (await holdsSecret(block.text)) return { problem: privateKeyProblem(file) };
  const stray = (text.match(/-----BEGIN PGP /g) ?? []).length;
  if (blocks.length === 0 || stray !== blocks.length || blocks.some((b) => b.label !== 'PUBLIC KEY BLOCK')) {
    return { problem: unreadableProblem(file) };
  }
  let keys;
  try {
    keys = (await Promise.all(blocks.map((b) => readKeys({ armoredKeys: b.text })))).flat();
  } catch {
    return { problem: unreadableProblem(file) };
  }
  if (keys.some((k) => k.isPrivate())) return { problem: privateKeyProblem(file) };
  if (keys.length !== 1) return { problem: `${file}: het bestand bevat ${keys.length} sleutels; zet er precies één in (de publieke sleutel van het centrum).` };
  const [key] = keys;
  const fingerprint = groupFingerprint(key.getFingerprint());
  const expected = normalFingerprint(confirmed);
  const centreFile = `src/content/centres/${file.replace(/^.*\//, '').replace(/\.asc$/, '')}.mdx`;
  if (!expected) {
    return { problem: `${file}: het centrum heeft nog geen bevestigde vingerafdruk. Bel het centrum op zijn gewone nummer, lees samen de vingerafdruk voor (${fingerprint}) en zet ze, als ze klopt, als keyFingerprint in ${centreFile}.` };
  }
  if (expected !== fingerprint) {
    return { problem: `${file}: de vingerafdruk van deze sleutel (${fingerprint}) is niet de vingerafdruk die het centrum bevestigde (${expected}, keyFingerprint in ${centreFile}). Gebruik deze sleutel niet: misschien is het de sleutel van een ander centrum of werd ze onderweg vervangen. Vraag het centrum de juiste publieke sleutel en bel om de vingerafdruk te controleren.` };
  }
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
  const info = { fingerprint, expires: expires ? expires.toISOString() : null, armored: key.armor() };
  if (expires && expires.getTime() - now.getTime() < WARN_DAYS * DAY_MS) {
    return { ...info, warning: `${file}: de sleutel ${fingerprint} verloopt op ${day.format(expires)}. Vraag het centrum nu om de vervaldatum te verlengen en de vernieuwde publieke sleutel te sturen; na die datum faalt de bouw.` };
  }
  return info;
}

/**
 * Every key file in `dir`, checked against the known centres and each centre's confirmed fingerprint.
 * @param {string} dir
 * @param {Record<string, string | null | undefined>} fingerprints centre id → `keyFingerprint` from its content (every centre, also those without)
 * @returns {Promise<{ keys: Record<string, {armored: string, fingerprint: string, expires: string | null}>, problems: string[], warnings: string[] }>}
 */
export async function checkCentreKeys(dir, fingerprints, now = new Date(), shownDir = 'src/content/keys') {
  const centreIds = Object.keys(fingerprints);
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
    const verdict = await checkCentreKey(file, readFileSync(join(dir, name), 'utf8'), now, fingerprints[id]);
    if (verdict.problem) { problems.push(verdict.problem); continue; }
    if (verdict.warning) warnings.push(verdict.warning);
    keys[id] = { armored: verdict.armored, fingerprint: verdict.fingerprint, expires: verdict.expires };
  }
  return { keys, problems, warnings };
}
