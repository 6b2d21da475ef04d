import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import nl from '../../src/i18n/nl.json';
import { t } from '../../src/i18n';

const SRC = resolve('src');
const SCANNED = new Set(['.ts', '.tsx', '.js', '.mjs', '.astro', '.mdx', '.md']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SCANNED.has(extname(path)) ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path: relative(SRC, path), text: readFileSync(path, 'utf8') }));
const keys = Object.keys(nl);

/** Keys passed literally to t('…'), with the file that uses them. */
const literalCalls = files.flatMap(({ path, text }) =>
  [...text.matchAll(/\bt\(\s*(['"`])([A-Za-z0-9_.-]+)\1/g)].map((m) => ({ key: m[2], path })),
);
/** Prefixes of keys built at run time, e.g. t(`intake.error.${code}`) -> "intake.error.". */
const dynamicPrefixes = files.flatMap(({ text }) => [...text.matchAll(/\bt\(\s*`([A-Za-z0-9_.-]*)\$\{/g)].map((m) => m[1]));
/** Every quoted string in the code: a key kept in a map (e.g. error code -> key) counts as used. */
const quoted = new Set(files.flatMap(({ text }) => [...text.matchAll(/(['"`])([A-Za-z0-9_.-]+)\1/g)].map((m) => m[2])));

describe('UI strings (src/i18n/nl.json)', () => {
  it('has every key that the code passes to t()', () => {
    const missing = literalCalls.filter((c) => !(c.key in nl)).map((c) => `${c.key} (${c.path})`);
    expect(missing).toEqual([]);
  });

  it('has no key that no code uses', () => {
    const unused = keys.filter((k) => !quoted.has(k) && !dynamicPrefixes.some((p) => p.length > 0 && k.startsWith(p)));
    expect(unused).toEqual([]);
  });

  it('uses flat dotted keys and non-empty Dutch values', () => {
    for (const [key, value] of Object.entries(nl)) {
      // Segments may carry a content id with hyphens, e.g. intake.option.offer.weet-niet.
      expect(key).toMatch(/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/);
      expect(String(value).trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and refuses an unknown key instead of showing it raw', () => {
    expect(t('centre.lastReviewed', { date: '24 november 2026' })).toBe('Laatst nagekeken op 24 november 2026.');
    expect(() => t('centre.bestaatNiet' as never)).toThrow(/missing UI string/);
  });

  it('is really scanning the code (guards against a scanner that finds nothing)', () => {
    expect(literalCalls.length).toBeGreaterThan(50);
    expect(literalCalls.map((c) => c.key)).toContain('layout.skipLink');
  });
});
