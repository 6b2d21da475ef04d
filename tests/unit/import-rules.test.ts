import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house style's import rules, checked on the source text (after Starlight's
 * no-internal-barrel-imports test): only the adapters import `resend` and
 * `@netlify/blobs`, only the encryption adapter loads `openpgp`; nothing in src/scripts (the browser) reaches a server module; the
 * scheduled retry bundles the delivery layer only, not the forms, views or pages.
 */
const root = resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mjs|astro)$/.test(e.name) ? [join(dir, e.name)] : []));
const source = [...files('src'), ...files('netlify')];

/** Value imports only: `import type` is erased and bundles nothing. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const statics = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  const dynamics = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]);
  return [...statics, ...dynamics];
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.mjs`, join(base, 'index.ts')]) if (source.includes(candidate) || /\.json$/.test(candidate)) return candidate;
  return base;
}

/** Every file a module pulls in, itself included. */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!/\.(ts|mjs)$/.test(file)) return;
    for (const spec of importsOf(file)) {
      const local = resolveLocal(file, spec);
      if (local) visit(local);
    }
  };
  visit(entry);
  return seen;
}

describe('import rules', () => {
  it('only the Resend adapter imports resend, only the outbox adapter imports @netlify/blobs', () => {
    const importers = (pkg: RegExp) => source.filter((f) => importsOf(f).some((s) => pkg.test(s)));
    expect(importers(/^resend$/)).toEqual(['src/lib/intake/delivery/resend-mailer.ts']);
    expect(importers(/^@netlify\/blobs/)).toEqual(['src/lib/intake/delivery/netlify-outbox.ts']);
  });

  it('only the encryption adapter loads openpgp, statically or on first use', () => {
    const loadsOpenpgp = /(?:^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?|import\(\s*)['"]openpgp(?:\/[^'"]*)?['"]/m;
    expect(source.filter((f) => loadsOpenpgp.test(readFileSync(join(root, f), 'utf8')))).toEqual(['src/lib/intake/delivery/pgp.ts']);
    // The retry sends what the outbox holds (already encrypted); it never encrypts.
    expect([...closure('netlify/functions/outbox-retry.ts')].filter((f) => /delivery\/(pgp|prepare|encrypted-mail)\.ts$/.test(f))).toEqual([]);
  });

  it('nothing in src/scripts reaches a server module', () => {
    const server = /^src\/lib\/intake\/(web|delivery)\/|^src\/lib\/intake\/(env|log)\.ts$|^src\/lib\/intake\/render\/(pages|mail)\.ts$/;
    for (const script of source.filter((f) => f.startsWith('src/scripts/'))) {
      const reached = [...closure(script)];
      expect(reached.filter((f) => server.test(f)), script).toEqual([]);
      expect(reached.flatMap((f) => (/\.(ts|mjs)$/.test(f) ? importsOf(f) : [])).filter((s) => /^node:|^resend$|^@netlify\//.test(s)), script).toEqual([]);
    }
  });

  it('the outbox retry bundles the delivery layer only', () => {
    const reached = [...closure('netlify/functions/outbox-retry.ts')].map((f) => relative(root, join(root, f)));
    expect(reached.filter((f) => /^src\/lib\/intake\/(forms|web|render)\/|^src\/i18n\//.test(f))).toEqual([]);
    expect(reached).toContain('src/lib/intake/delivery/retry.ts');
  });

  it('the intake functions enter through the web layer', () => {
    for (const fn of ['referral', 'advice']) {
      expect(importsOf(`netlify/functions/${fn}.ts`)).toEqual(['../../src/lib/intake/web/handler']);
    }
  });
});
