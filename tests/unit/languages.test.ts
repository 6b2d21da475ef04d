import { describe, expect, it } from 'vitest';
import { languages, localPath, splitPath } from '../../src/i18n/languages';
import { languageReviewers, translationNotice } from '../../src/lib/translation-status';

describe('language of an address', () => {
  it('reads the language from the first segment and keeps Dutch at the root', () => {
    expect(splitPath('/en/hulp/')).toEqual({ lang: 'en', dutchPath: '/hulp/' });
    expect(splitPath('/makkelijk-lezen/')).toEqual({ lang: 'makkelijk', dutchPath: '/' });
    expect(splitPath('/ar/gemeenten/centrum-limburg/')).toEqual({ lang: 'ar', dutchPath: '/gemeenten/centrum-limburg/' });
    // A Dutch page whose name starts like a language code stays Dutch.
    expect(splitPath('/enquete/')).toEqual({ lang: 'nl', dutchPath: '/enquete/' });
    expect(splitPath('/hulp/')).toEqual({ lang: 'nl', dutchPath: '/hulp/' });
  });

  it('builds the address of a page in every language, and reads it back', () => {
    for (const l of languages) {
      const path = localPath('/noodnummers/', l.code);
      expect(splitPath(path)).toEqual({ lang: l.code, dutchPath: '/noodnummers/' });
    }
  });

  it('has one right-to-left language, Arabic, and names every language in itself', () => {
    expect(languages.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual(['ar']);
    expect(new Set(languages.map((l) => l.name)).size).toBe(languages.length);
  });
});

describe('notice on a page in another language', () => {
  it('says "not translated yet" when the page falls back to Dutch', () => {
    expect(translationNotice('fr')).toBe('fallback');
  });
  it('says "not yet reviewed" until the language\'s own reviewer has approved it, and nothing after', () => {
    const reviewer = { team: '@veilighuis/vertaling-ar', role: 'nalezer Arabisch' };
    expect(translationNotice('ar', { reviewed: false }, reviewer)).toBe('unreviewed');
    const unchanged = () => ({ text: false, dutch: false });
    expect(translationNotice('ar', { reviewed: true, reviewedBy: 'nalezer Arabisch, 2027-01-15' }, reviewer, unchanged)).toBeNull();
    // A claim git cannot back (no history, a shallow clone) counts for nothing (tests/unit/translation-review.test.ts).
    expect(translationNotice('ar', { reviewed: true, reviewedBy: 'nalezer Arabisch, 2027-01-15' }, reviewer)).toBe('unreviewed');
    expect(translationNotice('ar', { reviewed: true, reviewedBy: 'nalezer Arabisch, 2027-01-15' }, reviewer, () => null)).toBe('unreviewed');
    // "reviewed: true" alone, by someone else, or in a language without a reviewer does not count.
    expect(translationNotice('ar', { reviewed: true }, reviewer, unchanged)).toBe('unreviewed');
    expect(translationNotice('ar', { reviewed: true, reviewedBy: 'redactie, 2027-01-15' }, reviewer, unchanged)).toBe('unreviewed');
    expect(translationNotice('ar', { reviewed: true, reviewedBy: 'nalezer Arabisch, 2027-01-15' }, undefined, unchanged)).toBe('unreviewed');
  });

  it('names a reviewer team for every translated language in src/content/reviewers.yaml', () => {
    const reviewers = languageReviewers();
    expect(Object.keys(reviewers).sort()).toEqual(languages.filter((l) => l.code !== 'nl').map((l) => l.code).sort());
    for (const r of Object.values(reviewers)) expect(r.team).toMatch(/^@[\w.-]+\/[\w.-]+$/);
  });
  it('says nothing on Dutch pages', () => {
    expect(translationNotice('nl')).toBeNull();
  });
});
