import { brusselsClock, brusselsDay, clockMinutes, contentDay } from './dates';

/** Who an activity is for; `iedereen` shows under every audience filter. */
export type Audience = 'slachtoffers' | 'professionelen' | 'iedereen';

/** The part of an event entry the agenda needs. */
export interface AgendaEvent {
  id: string;
  data: { title: string; centres: string[]; audience?: Audience; sessions: { date: Date; start?: string; end?: string; note?: string }[] };
}

/** The part of a peer-group entry the agenda needs. */
export interface AgendaGroup {
  id: string;
  data: { title: string; centre: string; audience: Audience; status: 'actief' | 'gepland' | 'volzet' };
}

/** One upcoming session with the event it belongs to. */
export interface UpcomingSession<E extends AgendaEvent = AgendaEvent> {
  event: E;
  session: E['data']['sessions'][number];
  /** `YYYY-MM-DD`. */
  day: string;
}

/** Narrows the agenda; leave a field out to keep everything. */
export interface AgendaFilter { centre?: string; audience?: Audience }

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

/** Does an activity for `audience` show under the filter `wanted`? Activities for everyone always do. */
export function forAudience(audience: Audience | undefined, wanted: Audience | undefined): boolean {
  return !wanted || wanted === 'iedereen' || !audience || audience === 'iedereen' || audience === wanted;
}

/**
 * The agenda's dated part: upcoming sessions of the centre's events (an event
 * announced by several centres shows for each) for the audience, the next one first.
 */
export function agendaSessions<E extends AgendaEvent>(events: readonly E[], now: Date, filter: AgendaFilter = {}): UpcomingSession<E>[] {
  return upcomingSessions(
    events.filter((e) => (!filter.centre || e.data.centres.includes(filter.centre)) && forAudience(e.data.audience, filter.audience)),
    now,
  );
}

/** The agenda's standing part: active and planned peer groups (a full group takes no one), active first, then by title. */
export function agendaGroups<G extends AgendaGroup>(groups: readonly G[], filter: AgendaFilter = {}): G[] {
  const order = { actief: 0, gepland: 1, volzet: 2 };
  return groups
    .filter((g) => g.data.status !== 'volzet' && (!filter.centre || g.data.centre === filter.centre) && forAudience(g.data.audience, filter.audience))
    .sort((a, b) => order[a.data.status] - order[b.data.status] || a.data.title.localeCompare(b.data.title, 'nl'));
}

/**
 * Has a session passed at `now`? After its day in Belgium, or on its day once
 * its end time has gone by. The browser uses this to hide what passed after the build.
 */
export function sessionPassed(day: string, end: string | undefined, now: Date): boolean {
  const clock = brusselsClock(now);
  return day < clock.day || (day === clock.day && end !== undefined && clock.minutes >= clockMinutes(end));
}

/** One entry on a built agenda page, as the browser reads it from the markup. */
export interface ShownEntry {
  kind: 'session' | 'group';
  audience: Audience | undefined;
  /** Sessions only: `YYYY-MM-DD` and the end time, to hide what passed after the build. */
  day?: string;
  end?: string;
}

/**
 * What the agenda shows for the audience `wanted` at `now`: which entries stay, how many
 * sessions and groups that leaves, and the sentence that says so. A filter that empties a
 * list must say it did (the view shows its empty message and announces the count), so no
 * entry disappears without a word.
 */
export function filterAgenda(entries: readonly ShownEntry[], wanted: Audience, now: Date, template: string): { shown: boolean[]; sessions: number; groups: number; status: string } {
  const shown = entries.map((e) => !(e.day !== undefined && sessionPassed(e.day, e.end, now)) && forAudience(e.audience, wanted));
  const count = (kind: ShownEntry['kind']) => entries.filter((e, i) => e.kind === kind && shown[i]).length;
  const sessions = count('session');
  const groups = count('group');
  return { shown, sessions, groups, status: template.replace('{sessions}', String(sessions)).replace('{groups}', String(groups)) };
}
