/**
 * "Open now" for a phone line: weekly hours in Belgian time, one-day exceptions
 * from content, and the Belgian public holidays, computed for any year so no
 * list runs out. Pure: the browser script and the tests pass in the moment.
 */
import { addDays, brusselsClock, clockMinutes, formatWeekday, weekdayOf } from './dates';

const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A block of weekly hours, as in the centre's frontmatter. */
export interface WeeklyHours { days: Weekday[]; opens: string; closes: string }
/** A one-day exception; without `opens`/`closes` the line is closed that day. `date` is `YYYY-MM-DD`. */
export interface DayException { date: string; opens?: string; closes?: string; note?: string }
/** What the page hands the script in `data-open-now`. */
export interface Schedule { hours: WeeklyHours[]; exceptions?: DayException[] }

/** `open: null`: today is a public holiday the centre gave no hours for, so nobody knows. */
export type OpenState =
  | { open: true; closes: string }
  | { open: false; next: { day: string; opens: string } | null }
  | { open: null };

/** Easter Sunday of `year` as `YYYY-MM-DD` (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100;
  const d = Math.floor(b / 4), e = b % 4, f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ten legal public holidays in Belgium in `year`, as `YYYY-MM-DD`, in calendar order. */
export function belgianHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '05-01', '07-21', '08-15', '11-01', '11-11', '12-25'].map((md) => `${year}-${md}`);
  // Paasmaandag, O.L.H.-Hemelvaart, Pinkstermaandag.
  const moving = [1, 39, 50].map((n) => addDays(easter, n));
  return [...fixed, ...moving].sort();
}

export function isBelgianHoliday(day: string): boolean {
  return belgianHolidays(Number(day.slice(0, 4))).includes(day);
}

/**
 * Opening ranges on a day in minutes, earliest first: an exception wins; on a public
 * holiday without one the answer is `null` (no source says whether the line is open,
 * so the page claims neither); otherwise the week.
 */
export function rangesOn(schedule: Schedule, day: string): Array<[number, number]> | null {
  const exception = schedule.exceptions?.find((e) => e.date === day);
  if (exception) return exception.opens && exception.closes ? [[clockMinutes(exception.opens), clockMinutes(exception.closes)]] : [];
  if (isBelgianHoliday(day)) return null;
  const weekday = WEEKDAYS[weekdayOf(day)];
  return schedule.hours
    .filter((h) => h.days.includes(weekday))
    .map((h): [number, number] => [clockMinutes(h.opens), clockMinutes(h.closes)])
    .sort((a, b) => a[0] - b[0]);
}

const asClock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Open from the minute it opens up to, not including, the minute it closes.
 * Looks up to 60 days ahead for the next opening (a line closed longer has none).
 */
export function openState(schedule: Schedule, now: Date): OpenState {
  const { day: today, minutes } = brusselsClock(now);
  const todays = rangesOn(schedule, today);
  if (todays === null) return { open: null };
  const current = todays.find(([from, to]) => from <= minutes && minutes < to);
  if (current) return { open: true, closes: asClock(current[1]) };
  for (let offset = 0; offset <= 60; offset++) {
    const day = addDays(today, offset);
    const ranges = rangesOn(schedule, day);
    // A holiday ahead: whether the line opens then is unknown, so name no next opening.
    if (ranges === null) return { open: false, next: null };
    const next = ranges.find(([from]) => offset > 0 || from > minutes);
    if (next) return { open: false, next: { day, opens: asClock(next[0]) } };
  }
  return { open: false, next: null };
}

/** Wording the page passes in from nl.json: `{time}` and `{day}` are filled in. */
export interface OpenNowLabels { open: string; closedOpens: string; closed: string; today: string; tomorrow: string }

/** "Nu open tot 16:00", "Gesloten, opent morgen om 09:00", "… opent maandag 5 januari om 09:00". */
export function describeOpenState(state: OpenState, now: Date, labels: OpenNowLabels): string {
  // Unknown (a holiday without hours from the centre): say nothing rather than guess.
  if (state.open === null) return '';
  if (state.open) return labels.open.replace('{time}', state.closes);
  if (!state.next) return labels.closed;
  const today = brusselsClock(now).day;
  const { day } = state.next;
  const dayText = day === today ? labels.today
    : day === addDays(today, 1) ? labels.tomorrow
    : formatWeekday(day, { date: day >= addDays(today, 7) });
  return labels.closedOpens.replace('{day}', dayText).replace('{time}', state.next.opens);
}
