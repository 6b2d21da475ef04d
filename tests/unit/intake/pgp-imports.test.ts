import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// House-style import rule for encrypted delivery (fold into tests/unit/import-rules.test.ts
// when that exists): only the encryption adapter loads openpgp.js, so no other bundle carries
// it and no other code path can encrypt, or fail to, on its own.
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mts|js|mjs|astro)$/.test(name) ? [path] : [];
  });
const importsOpenpgp = (text: string) => /(?:from\s+|import\s*\(\s*|import\s+)['"]openpgp(?:\/[^'"]*)?['"]/.test(text);

describe('import rules: openpgp', () => {
  it('is imported in src/ and netlify/ only by src/lib/intake/delivery/pgp.ts', () => {
    const importers = [...files('src'), ...files('netlify')].filter((f) => importsOpenpgp(readFileSync(f, 'utf8')));
    expect(importers).toEqual(['src/lib/intake/delivery/pgp.ts']);
  });

  it('stays out of the outbox retry: it sends what is stored and never encrypts', () => {
    const retry = readFileSync('src/lib/intake/delivery/retry.ts', 'utf8') + readFileSync('src/lib/intake/delivery/setup.ts', 'utf8');
    expect(retry).not.toMatch(/from '\.\/(prepare|encrypted-mail|pgp)'/);
  });
});
