import { describe, expect, it } from 'vitest';
import { monthsBefore, overdue, reviewReport, type ReviewedEntry } from '../../src/lib/review';

const entry = (file: string, date: string, centres: string[] = [], by: ReviewedEntry['by'] = 'bronnen'): ReviewedEntry => ({ file, date, centres, by });

describe('review report', () => {
  it('counts six calendar months back, also from the end of a month', () => {
    expect(monthsBefore('2026-12-02', 6)).toBe('2026-06-02');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
  });

  it('lists per centre what was last checked more than six months ago, and an event under each of its centres', () => {
    const entries = [
      entry('src/content/centres/kempen.mdx', '2026-06-01', ['kempen'], 'centrum'),
      entry('src/content/centres/leuven.mdx', '2026-06-02', ['leuven']),
      entry('src/content/events/x.md', '2025-01-10', ['kempen', 'limburg']),
      entry('src/content/pages/hulp.mdx', '2026-01-01'),
    ];
    const late = overdue(entries, '2026-12-02');
    expect([...late.keys()].sort()).toEqual(['', 'kempen', 'limburg']);
    expect(late.get('kempen')!.map((e) => e.file)).toEqual(['src/content/events/x.md', 'src/content/centres/kempen.mdx']);
    const text = reviewReport(entries, '2026-12-02', { kempen: 'Veilig Huis Kempen', limburg: 'Veilig Huis Limburg' });
    expect(text).toContain('Veilig Huis Kempen: 2 ouder dan 6 maanden');
    expect(text).toContain("Algemene pagina's: 1 ouder dan 6 maanden");
    expect(text).toContain('src/content/centres/kempen.mdx (laatst nagekeken 2026-06-01, door het centrum)');
    expect(text).not.toContain('leuven.mdx');
  });

  it('says so when nothing is overdue', () => {
    expect(reviewReport([entry('a.md', '2026-11-01')], '2026-12-02', {})).toContain('Niets is langer dan 6 maanden niet nagekeken.');
  });
});
