/**
 * iCalendar feeds of the agenda (RFC 5545), written by ical-generator so folding
 * and escaping of commas, semicolons and new lines are the library's job.
 * Times are UTC (converted from Belgian time); a session without a start time is
 * an all-day event. The output depends on the content only, never on the build
 * moment: same UIDs and DTSTAMPs every build, so a daily rebuild changes nothing
 * that did not change.
 */
import ical from 'ical-generator';
import { addDays, brusselsTime, contentDay } from './dates';

export interface FeedEvent {
  id: string;
  data: {
    title: string;
    summary: string;
    place: string;
    registration?: string;
    centres: string[];
    sessions: { date: Date; start?: string; end?: string; note?: string }[];
  };
}

export interface FeedOptions {
  /** Calendar name shown in the reader's app, e.g. `Veilig Huis Kempen: agenda`. */
  name: string;
  /** The site's origin, e.g. `https://veilighuis.example`; gives UIDs their domain and events their link. */
  site: string;
  /** Only events of this centre; leave out for every centre. */
  centre?: string;
}

/** `YYYY-MM-DD` -> Date at UTC midnight, which ical-generator writes as that calendar day. */
const dayAsDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Every session (past ones too: a subscribed calendar keeps its history) as one VEVENT. */
export function agendaFeed(events: readonly FeedEvent[], options: FeedOptions): string {
  const host = new URL(options.site).host;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Veilig Huis', product: 'agenda', language: 'NL' },
    url: new URL('/agenda/', options.site).href,
  });
  const sessions = events
    .filter((e) => !options.centre || e.data.centres.includes(options.centre))
    .flatMap((event) => event.data.sessions.map((session) => ({ event, session, day: contentDay(session.date) })))
    .sort((a, b) => a.day.localeCompare(b.day) || (a.session.start ?? '').localeCompare(b.session.start ?? '') || a.event.id.localeCompare(b.event.id));
  for (const { event, session, day } of sessions) {
    const timed = session.start !== undefined;
    calendar.createEvent({
      id: `${event.id}-${day}${timed ? `-${session.start!.replace(':', '')}` : ''}@${host}`,
      // DTSTAMP from content, not from the clock: the feed only changes when the content does.
      stamp: dayAsDate(contentDay(event.data.sessions[0].date)),
      summary: event.data.title,
      description: [event.data.summary, session.note, event.data.registration].filter(Boolean).join('\n'),
      location: event.data.place,
      url: new URL('/agenda/', options.site).href,
      ...(timed
        ? { start: brusselsTime(day, session.start!), end: session.end ? brusselsTime(day, session.end) : undefined }
        : { allDay: true, start: dayAsDate(day), end: dayAsDate(addDays(day, 1)) }),
    });
  }
  return calendar.toString();
}
