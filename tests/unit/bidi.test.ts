import { describe, expect, it } from 'vitest';
import { ltrRuns } from '../../src/lib/bidi';

const isolated = (text: string) => ltrRuns(text).filter((r) => r.ltr).map((r) => r.text);

describe('left-to-right runs in a right-to-left sentence', () => {
  it('isolates web and mail addresses without the full stop that ends the sentence', () => {
    expect(isolated('لمعرفة ساعات العمل، انظر الموقع 1712.be.')).toEqual(['1712.be']);
    expect(isolated('انظر zelfmoord1813.be أو tele-onthaal.be')).toEqual(['zelfmoord1813.be', 'tele-onthaal.be']);
    expect(isolated('اكتب إلى info@voorbeeld.be.')).toEqual(['info@voorbeeld.be']);
  });

  it('isolates phone numbers, times and grouped numbers, not a lone number', () => {
    expect(isolated('اتصل بالرقم 03 435 98 10 الآن')).toEqual(['03 435 98 10']);
    expect(isolated('من 9:00 إلى 19:00')).toEqual(['9:00', '19:00']);
    expect(isolated('9:00–12:30')).toEqual(['9:00–12:30']);
    expect(isolated('اتصل بالرقم 101.')).toEqual([]);
  });

  it('gives the sentence back whole', () => {
    const text = 'لمعرفة ساعات العمل، انظر الموقع 1712.be. اتصل 0800 30 030.';
    expect(ltrRuns(text).map((r) => r.text).join('')).toBe(text);
  });
});
