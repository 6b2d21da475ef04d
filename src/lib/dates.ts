/**
 * The one date helper: every calendar day on the site is a day in Belgium.
 * Content dates (`2026-03-14` in frontmatter) arrive as UTC midnight, so their
 * day is read in UTC; "today" is read in Europe/Brussels.
 */
export const TIME_ZONE = 'Europe/Brussels';

/** `YYYY-MM-DD` of a content date (parsed from frontmatter as UTC midnight). */
export function contentDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of the moment `now` as a calendar day in Belgium. */
export function brusselsDay(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A content date in Dutch words, e.g. `24 november 2026`; with `weekday`, `dinsdag 24 november 2026`. */
export function formatDay(date: Date, options: { weekday?: boolean } = {}): string {
  return new Intl.DateTimeFormat('nl-BE', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(options.weekday ? { weekday: 'long' } : {}),
  }).format(date);
}
