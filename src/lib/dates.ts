/**
 * The one date helper: every calendar day on the site is a day in Belgium.
 * Content dates (`2026-03-14` in frontmatter) arrive as UTC midnight, so their
 * day is read in UTC; "today" is read in Europe/Brussels.
 */
export const TIME_ZONE = 'Europe/Brussels';

// Building an Intl.DateTimeFormat costs far more than using one (bench: it was the largest
// single cost of a build with many events), so each format is built once and reused.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** `YYYY-MM-DD` of a content date (parsed from frontmatter as UTC midnight). */
export function contentDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of the moment `now` as a calendar day in Belgium. */
export function brusselsDay(now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return formatter('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A content date in Dutch words, e.g. `24 november 2026`; with `weekday`, `dinsdag 24 november 2026`. */
export function formatDay(date: Date, options: { weekday?: boolean } = {}): string {
  return formatter('nl-BE', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(options.weekday ? { weekday: 'long' } : {}),
  }).format(date);
}

/** Monday = 0 … Sunday = 6, the order of the week in Belgium. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Where `now` falls on the clock in Belgium: its day, weekday and minutes since midnight. */
export function brusselsClock(now: Date): { day: string; weekday: WeekdayIndex; minutes: number } {
  const parts = Object.fromEntries(
    formatter('en-CA', {
      timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(now).map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return { day, weekday: weekdayOf(day), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Weekday of a `YYYY-MM-DD` day, Monday = 0. */
export function weekdayOf(day: string): WeekdayIndex {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) as WeekdayIndex;
}

/** The `YYYY-MM-DD` day `count` days after `day` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, count: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + count);
  return d.toISOString().slice(0, 10);
}

/** `HH:MM` as minutes since midnight. */
export function clockMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Minutes Belgium is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function brusselsOffset(instant: number): number {
  const c = brusselsClock(new Date(instant));
  const wall = Date.parse(`${c.day}T00:00:00Z`) + c.minutes * 60_000;
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant a Belgian wall-clock time happens, e.g. `("2026-03-29", "10:00")` -> 08:00 UTC. */
export function brusselsTime(day: string, time: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + clockMinutes(time) * 60_000;
  const first = wall - brusselsOffset(wall) * 60_000;
  return new Date(wall - brusselsOffset(first) * 60_000);
}

/** Dutch name of the weekday of a `YYYY-MM-DD` day, e.g. `maandag`; with `date`, `maandag 5 januari`. */
export function formatWeekday(day: string, options: { date?: boolean } = {}): string {
  return formatter('nl-BE', {
    timeZone: 'UTC', weekday: 'long', ...(options.date ? { day: 'numeric', month: 'long' } : {}),
  }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * The Intl locale for a page language: Arabic with the digits the phone numbers use;
 * British English writes 9:00, not 09:00; easy-read Dutch is Dutch.
 */
const LOCALES: Record<string, string> = { nl: 'nl-BE', makkelijk: 'nl-BE', fr: 'fr-BE', en: 'en-GB', ar: 'ar-u-nu-latn', tr: 'tr', pl: 'pl' };
const locale = (lang: string): string => LOCALES[lang] ?? 'nl-BE';

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the page's language writes it: 27.000 (Dutch, Turkish), 27 000 (French,
 * Polish), 27,000 (English). Arabic takes the Arabic thousands separator (٬), never an
 * ASCII comma, which reads as a list break in Arabic text.
 */
export function formatNumber(value: number, lang: string): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(locale(lang))));
  const text = f.format(value);
  return lang === 'ar' ? text.replace(/,/g, '\u066C') : text;
}

/** A clock time (`HH:MM`) as the page's language says it: 9:00 (Dutch), 9 h and 9 h 30 (French), 9:00 (English). */
export function formatTime(time: string, lang: string): string {
  const minutes = clockMinutes(time);
  const at = new Date(Date.UTC(2000, 0, 1, Math.floor(minutes / 60), minutes % 60));
  if (lang === 'fr') {
    // Intl gives "09 h": French drops the zero and adds the minutes after the "h".
    const hour = formatter('fr-BE', { timeZone: 'UTC', hour: 'numeric', hourCycle: 'h23' }).format(at).replace(/^0(?=\d)/, '');
    return minutes % 60 ? `${hour} ${String(minutes % 60).padStart(2, '0')}` : hour;
  }
  return formatter(locale(lang), { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
