/**
 * Text that must read left to right inside a right-to-left paragraph: web and mail
 * addresses, phone numbers and postcodes (digit groups with spaces, dots or slashes),
 * times and ranges. Unisolated, an Arabic page shows `1712.be` as `be.1712` and
 * `03 435 98 10` as `10 98 435 03`. Components print each run in its own `<bdi dir="ltr">`
 * (src/components/layout/Isolated.astro), so no translation has to mark them.
 */
const LTR_RUN = new RegExp(
  [
    // mail address
    String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
    // web address, with or without scheme: 1712.be, www.1712.be/hulp, https://…
    String.raw`(?:https?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,6}\b(?:\/[^\s)]*)?`,
    // digits in groups: phone numbers, times, ranges, 27.000 (a lone number needs no isolation)
    String.raw`\+?\d+(?:[ .\/:\u2013\u2009\u202f\u00a0-]\d+)+`,
  ].join('|'),
  'gu',
);

export interface TextRun {
  text: string;
  /** True for a run that reads left to right whatever the page's direction. */
  ltr: boolean;
}

/** `text` cut into runs, the left-to-right ones marked; joined, the runs give `text` back. */
export function ltrRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const match of text.matchAll(LTR_RUN)) {
    // A trailing dot ends the sentence, not the address.
    const found = match[0].replace(/\.+$/, '');
    if (match.index > at) runs.push({ text: text.slice(at, match.index), ltr: false });
    runs.push({ text: found, ltr: true });
    at = match.index + found.length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), ltr: false });
  return runs;
}
