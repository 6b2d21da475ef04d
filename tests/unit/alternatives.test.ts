import { describe, expect, it } from 'vitest';
import { loadLedger, sourceText } from '../../scripts/lib/ledger.mjs';
import { professionalAlternatives } from '../../src/lib/alternatives';
import { directory } from '../../src/lib/intake/directory';

interface Source { kind: 'seed' | 'reference' | 'page'; url?: string; retrieved?: string | Date; snapshot?: string; file?: string; title: string }
const ledger = loadLedger() as { sources: Record<string, Source>; facts: { source: string; quote?: string }[] };
const day = (v: string | Date | undefined) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

describe('sourced alternatives for professionals (src/content/settings/professional-alternatives.json)', () => {
  it('each names a captured source of the ledger, with its address, reading day and title, and a quote from it', () => {
    for (const a of professionalAlternatives) {
      const source = ledger.sources[a.source.key];
      expect(source, a.id).toBeDefined();
      expect([source.url, day(source.retrieved), source.title], a.id).toEqual([a.source.url, a.source.retrieved, a.source.title]);
      expect(sourceText(source), `${a.id}: the captured page`).toBeTruthy();
      expect(ledger.facts.some((f) => f.source === a.source.key && f.quote), `${a.id}: a ledger fact quoting the source`).toBe(true);
    }
  });

  it('the forms carry the same list as the pages', () => {
    expect(directory.alternatives).toEqual(professionalAlternatives);
  });
});
