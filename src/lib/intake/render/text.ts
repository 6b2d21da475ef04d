/**
 * Typed text made safe for a mail or page. What a referrer types reaches a centre's
 * mailbox, so nothing in it may pose as structure, hide, reorder or link:
 * - format characters (Unicode Cf: zero-width, bidi controls, BOM) are removed;
 * - every line separator (CR, VT, FF, NEL, U+2028, U+2029) becomes a plain line break,
 *   and in a single-line field a space, so no value can forge a line like "Referentie:";
 * - URLs and bare domains are defanged (`hxxps://`, `example[.]com`), so no mail client
 *   turns them into links.
 */
const FORMAT = /\p{Cf}/gu;
const LINE_BREAKS = /\r\n?|[\n\u000b\u000c\u0085\u2028\u2029]/g;
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;

export function cleanText(value: string, multiline: boolean): string {
  const text = value.replace(FORMAT, '').replace(LINE_BREAKS, '\n').replace(/\t/g, ' ').replace(CONTROL, '');
  return multiline ? text : text.replace(/\n+/g, ' ');
}

const SCHEME = /\b([a-z][a-z0-9+.-]{1,15}):\/\//giu;
const DOT = '[.\u3002\uff0e\uff61]';
const DOMAIN = new RegExp(`(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?${DOT})+\\p{L}{2,63}(?![\\p{L}\\p{N}])`, 'gu');

/** `https://evil.example/x` -> `hxxps://evil[.]example/x`; `www.evil.example` -> `www[.]evil[.]example`. */
export function defang(value: string): string {
  return value
    .replace(SCHEME, (_, scheme: string) => (/^https?$/i.test(scheme) ? `${scheme.replace(/t/gi, 'x')}://` : `${scheme}[:]//`))
    .replace(DOMAIN, (domain) => domain.replace(new RegExp(DOT, 'g'), '[.]'));
}

/** A typed value as it goes into the centre mail: cleaned, then defanged. */
export function mailValue(value: string, multiline: boolean): string {
  return defang(cleanText(value, multiline));
}
