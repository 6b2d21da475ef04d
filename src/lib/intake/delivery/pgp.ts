import type * as OpenPgp from 'openpgp';

/**
 * OpenPGP encryption to a centre's public key: the only module that imports `openpgp`.
 *
 * Every plaintext is padded to a multiple of PAD_BLOCK_BYTES before it is encrypted, so the
 * size of the message says no more than "fits in so many blocks" about what was typed
 * (Hush Line pads for the same reason). 4 KiB holds a typical referral in one block; the
 * longest (every free-text field full) takes four. Padding is trailing spaces: invisible at
 * the end of the text mail, and plain JSON whitespace after the attached document.
 * Compression stays off, or the padding would be compressed away.
 */
export const PAD_BLOCK_BYTES = 4096;

// Loaded on first use: a bundler keeps the library's evaluation out of the cold start of a
// function that delivers no encrypted mail.
let library: Promise<typeof OpenPgp> | undefined;
const openpgp = () => (library ??= import('openpgp'));

/** The plaintext followed by spaces up to the next multiple of `block` bytes (at least one block). */
export function padToBlock(plain: Uint8Array, block = PAD_BLOCK_BYTES): Uint8Array {
  const size = Math.max(1, Math.ceil(plain.length / block)) * block;
  const padded = new Uint8Array(size).fill(0x20);
  padded.set(plain);
  return padded;
}

// Parsed once per key and function instance; there are only as many keys as centres.
const parsed = new Map<string, Promise<OpenPgp.Key>>();
function publicKey(pgp: typeof OpenPgp, armoredKey: string): Promise<OpenPgp.Key> {
  let key = parsed.get(armoredKey);
  if (!key) {
    key = pgp.readKey({ armoredKey });
    key.catch(() => parsed.delete(armoredKey));
    parsed.set(armoredKey, key);
  }
  return key;
}

async function encrypt(armoredKey: string, plain: Uint8Array, filename: string, format: 'armored' | 'binary') {
  const pgp = await openpgp();
  const key = await publicKey(pgp, armoredKey);
  // `utf8` marks the literal data as text without the library rewriting line ends, so the
  // padded length is exactly what is encrypted.
  const message = await pgp.createMessage({ binary: padToBlock(plain), filename, format: 'utf8' });
  const config = { preferredCompressionAlgorithm: pgp.enums.compression.uncompressed };
  return format === 'armored'
    ? pgp.encrypt({ message, encryptionKeys: key, format: 'armored', config })
    : pgp.encrypt({ message, encryptionKeys: key, format: 'binary', config });
}

/** One ASCII-armored OpenPGP message of `text`, padded; what goes in the text part of the mail. */
export function encryptTextArmored(armoredKey: string, text: string): Promise<string> {
  return encrypt(armoredKey, new TextEncoder().encode(text), '', 'armored') as Promise<string>;
}

/** A binary OpenPGP message of `text` (e.g. JSON), padded; what a `.pgp` attachment holds. */
export function encryptFile(armoredKey: string, text: string, filename: string): Promise<Uint8Array> {
  return encrypt(armoredKey, new TextEncoder().encode(text), filename, 'binary') as Promise<Uint8Array>;
}
