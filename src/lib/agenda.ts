import { brusselsDay, contentDay } from './dates';

/** The part of an event entry the agenda needs. */
export interface AgendaEvent {
  id: string;
  data: { title: string; centres: string[]; sessions: { date: Date; start?: string; end?: string; note?: string }[] };
}

/** One upcoming session with the event it belongs to. */
export interface UpcomingSession<E extends AgendaEvent = AgendaEvent> {
  event: E;
  session: E['data']['sessions'][number];
  /** `YYYY-MM-DD`. */
  day: string;
}

/**
 * Sessions on `now`'s Belgian day or later, soonest first. A session that ends
 * today still shows all day: the page is static and cannot know the hour.
 */
export function upcomingSessions<E extends AgendaEvent>(events: readonly E[], now: Date): UpcomingSession<E>[] {
  const today = brusselsDay(now);
  return events
    .flatMap((event) => event.data.sessions.map((session) => ({ event, session, day: contentDay(session.date) })))
    .filter((s) => s.day >= today)
    .sort((a, b) => a.day.localeCompare(b.day) || (a.session.start ?? '').localeCompare(b.session.start ?? ''));
}
