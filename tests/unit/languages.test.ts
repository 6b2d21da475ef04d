import { describe, expect, it } from 'vitest';
import { languages, localPath, splitPath } from '../../src/i18n/languages';
import { translationNotice } from '../../src/lib/translation-status';

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
  it('says "not yet reviewed" until a speaker has read it, and nothing after', () => {
    expect(translationNotice('ar', { reviewed: false })).toBe('unreviewed');
    expect(translationNotice('ar', { reviewed: true })).toBeNull();
  });
  it('says nothing on Dutch pages', () => {
    expect(translationNotice('nl')).toBeNull();
  });
});
