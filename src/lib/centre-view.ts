/**
 * Shapes centre content for the pages: pure functions, no Astro, so the
 * rules a reader sees (which days, which municipalities, which mailbox) are tested.
 */
import { brusselsDay, contentDay } from './dates';

export const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface HoursBlock { days: Weekday[]; opens: string; closes: string }
export interface HoursException { date: Date; opens?: string; closes?: string; note?: string }

/** `tel:` link for a number as printed: `03 435 98 10` -> `tel:+3234359810`, `1712` -> `tel:1712`. */
export function telHref(number: string): string {
  const digits = number.replace(/\D/g, '');
  return digits.startsWith('0') ? `tel:+32${digits.slice(1)}` : `tel:${digits}`;
}

/**
 * True when a source gave exact weekly hours. Only then may a page show a live
 * "Nu open": hours in words ("dinsdag- en donderdagvoormiddag") never get one.
 */
export function hasExactHours(line: { hours?: readonly HoursBlock[] }): boolean {
  return (line.hours?.length ?? 0) > 0;
}

/** One row per weekday, Monday first; `ranges` is empty on a closed day. */
export function weeklyHours(hours: readonly HoursBlock[]): { day: Weekday; ranges: string[] }[] {
  return WEEKDAYS.map((day) => ({
    day,
    ranges: hours
      .filter((h) => h.days.includes(day))
      .sort((a, b) => a.opens.localeCompare(b.opens))
      .map((h) => `${h.opens}–${h.closes}`),
  }));
}

/** Exceptions from `now`'s Belgian day on, soonest first, with the day as `YYYY-MM-DD`. */
export function upcomingExceptions(exceptions: readonly HoursException[], now: Date) {
  const today = brusselsDay(now);
  return exceptions
    .map((e) => ({ ...e, day: contentDay(e.date) }))
    .filter((e) => e.day >= today)
    .sort((a, b) => a.day.localeCompare(b.day));
}

/** What the browser's open-now script reads: hours as written, exception days as `YYYY-MM-DD`. */
export function openNowData(hours: readonly HoursBlock[], exceptions: readonly HoursException[]): string {
  if (hours.length === 0) throw new Error('openNowData: no exact hours, so no live status (show the hours in words instead)');
  return JSON.stringify({
    hours,
    exceptions: exceptions.map(({ date, ...rest }) => ({ date: contentDay(date), ...rest })),
  });
}

export interface MunicipalityRef { id: string; name: string; centre: string | null }
export interface TrackOfferInput { track: 0 | 1 | 2 | 3; status: 'aangeboden' | 'gepland'; municipalities?: string[]; note?: string; asOf?: string }

/**
 * Tracks in order 0-3, each with the names of the municipalities it is limited to
 * (Dutch alphabetical order), or `null` when it covers the centre's whole area.
 * An id that is not in the list throws: the build must not print a wrong place.
 */
export function trackOffers(tracks: readonly TrackOfferInput[], municipalities: readonly MunicipalityRef[]) {
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  return [...tracks]
    .sort((a, b) => a.track - b.track)
    .map((t) => ({
      ...t,
      places: t.municipalities
        ? t.municipalities
            .map((id) => {
              const m = byId.get(id);
              if (!m) throw new Error(`track ${t.track}: unknown municipality id "${id}" (see src/content/municipalities/municipalities.yaml)`);
              return m.name;
            })
            .sort((a, b) => a.localeCompare(b, 'nl'))
        : null,
    }));
}

/** The municipalities a centre serves, sorted by name. */
export function servedMunicipalities<M extends MunicipalityRef>(centreId: string, municipalities: readonly M[]): M[] {
  return municipalities.filter((m) => m.centre === centreId).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

interface CentreEntryLike {
  id: string;
  data: { name: string; shortName: string; area: string; status: string; dataStatus: string };
}

/** The centres for the list page, by short name, each with how many municipalities it serves. */
export function centreList<C extends CentreEntryLike>(centres: readonly C[], municipalities: readonly { data: MunicipalityRef }[]) {
  return [...centres]
    .sort((a, b) => a.data.shortName.localeCompare(b.data.shortName, 'nl'))
    .map((c) => ({
      id: c.id,
      ...c.data,
      municipalityCount: municipalities.filter((m) => m.data.centre === c.id).length,
    }));
}
