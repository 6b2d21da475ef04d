import { describe, expect, it } from 'vitest';
import { REFERENCE_ALPHABET, REFERENCE_PATTERN, referenceFor, referenceFromBytes } from '../../../src/lib/intake/reference';

const SECRET = 'a-reference-secret-of-at-least-32-chars';

describe('references', () => {
  it('use no characters that look alike', () => {
    for (const c of '01OIUL') expect(REFERENCE_ALPHABET).not.toContain(c);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(REFERENCE_ALPHABET.length);
  });

  it('look like OVL-7K3M-9QXP and stay the same for the same submission', async () => {
    const a = await referenceFor('OVL', 'submission-1234567890', SECRET);
    expect(a).toMatch(REFERENCE_PATTERN);
    expect(a.startsWith('OVL-')).toBe(true);
    expect(await referenceFor('OVL', 'submission-1234567890', SECRET)).toBe(a);
    expect(await referenceFor('OVL', 'submission-1234567891', SECRET)).not.toBe(a);
  });

  it('skip bytes that would bias the alphabet', () => {
    const bytes = new Uint8Array([255, 250, 240, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect(referenceFromBytes('ANT', bytes)).toBe(`ANT-${REFERENCE_ALPHABET.slice(0, 4)}-${REFERENCE_ALPHABET.slice(4, 8)}`);
    expect(referenceFromBytes('ANT', new Uint8Array([1, 2]))).toBeNull();
  });
});
