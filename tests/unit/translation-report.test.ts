import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translationReport } from '../../scripts/lib/translation-report.mjs';

describe('translation report (npm run build)', () => {
  const root = mkdtempSync(join(tmpdir(), 'translations-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const put = (path: string, from: string, reviewed: boolean) => {
    mkdirSync(join(root, path.split('/')[0]), { recursive: true });
    writeFileSync(join(root, path), `---\ntitle: T\ntranslation:\n  from: { page: ${path.split('/')[1].replace('.mdx', '')}, date: ${from} }\n  reviewed: ${reviewed}\n---\nText\n`);
  };

  it('lists a translation made from a Dutch text that has changed since, and only that one', () => {
    put('fr/hulp.mdx', '2026-11-01', true);
    put('fr/noodnummers.mdx', '2026-12-02', false);
    put('en/hulp.mdx', '2026-12-02', false);
    const dutchChanged: Record<string, string> = { hulp: '2026-12-02', noodnummers: '2026-12-01' };
    const rows = translationReport(root, (page: string) => dutchChanged[page]);
    expect(rows.filter((r) => r.stale).map((r) => `${r.lang}/${r.file}`)).toEqual(['fr/hulp.mdx']);
    expect(rows.filter((r) => !r.reviewed).map((r) => `${r.lang}/${r.file}`)).toEqual(['en/hulp.mdx', 'fr/noodnummers.mdx']);
  });

  it('reads the real translations and finds their Dutch pages', () => {
    const rows = translationReport();
    expect(rows.length).toBeGreaterThanOrEqual(36);
    expect(rows.every((r) => r.page && r.from)).toBe(true);
  });
});
