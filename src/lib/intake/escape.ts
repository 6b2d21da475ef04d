/** The one escaper for markup built outside Astro (mails, function-rendered pages). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Typed text made safe for a mail or page: line breaks normalised, control characters and
 * bidirectional overrides removed (they could hide or reorder text in the centre's mail).
 */
export function cleanText(value: string, multiline: boolean): string {
  const unified = value.replace(/\r\n?/g, '\n');
  const stripped = unified.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return multiline ? stripped : stripped.replace(/[\n\t]+/g, ' ');
}
