import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir } from '../helpers/dist';

/**
 * Whatever key files the content holds, no secret key material reaches what is published:
 * not the built site, and not centre-keys.json, the one file the intake functions bundle
 * keys from (scripts/generate-directory.mjs writes it at prebuild).
 */
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('secret key material after a build', () => {
  it('is in no built file and not in the keys the functions bundle', () => {
    const published = [...files(distDir), 'src/lib/intake/generated/centre-keys.json'];
    const offenders = published.filter((file) => /PRIVATE KEY BLOCK|BEGIN PGP SECRET/.test(readFileSync(file, 'latin1')));
    expect(offenders).toEqual([]);
  });

  it('centre-keys.json holds only public key blocks, one per centre', () => {
    const keys = JSON.parse(readFileSync('src/lib/intake/generated/centre-keys.json', 'utf8')) as Record<string, { armored: string }>;
    for (const [centre, { armored }] of Object.entries(keys)) {
      expect(armored.match(/-----BEGIN PGP [A-Z ]+-----/g), centre).toEqual(['-----BEGIN PGP PUBLIC KEY BLOCK-----']);
    }
  });
});
