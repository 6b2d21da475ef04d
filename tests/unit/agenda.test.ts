import { describe, expect, it } from 'vitest';
import { agendaGroups, agendaSessions, filterAgenda, sessionPassed, upcomingSessions, type AgendaEvent, type AgendaGroup } from '../../src/lib/agenda';

const event = (id: string, centres: string[], audience: AgendaEvent['data']['audience'], days: string[], start?: string): AgendaEvent => ({
  id, data: { title: id, centres, audience, sessions: days.map((d) => ({ date: new Date(d), start })) },
});
const events = [
  event('cursus-2017', ['kempen'], 'slachtoffers', ['2017-10-05', '2017-10-12']),
  event('vorming', ['antwerpen', 'kempen'], 'professionelen', ['2027-02-01', '2026-12-03'], '09:30'),
  event('infoavond', ['limburg'], 'iedereen', ['2026-11-24', '2026-11-23'], '19:00'),
  event('cursus', ['kempen'], 'slachtoffers', ['2027-01-10']),
];
const group = (id: string, centre: string, status: AgendaGroup['data']['status'], audience: AgendaGroup['data']['audience'] = 'slachtoffers'): AgendaGroup => ({ id, data: { title: id, centre, audience, status } });
// 24 November 2026, 23:30 in Belgium.
const now = new Date('2026-11-24T22:30:00Z');

describe('the agenda', () => {
  it('shows every session from today on, the next one first, never a past one', () => {
    expect(agendaSessions(events, now).map((s) => `${s.event.id} ${s.day}`)).toEqual([
      'infoavond 2026-11-24', 'vorming 2026-12-03', 'cursus 2027-01-10', 'vorming 2027-02-01',
    ]);
  });
  it('reads "today" in Belgium: at 00:30 on the 25th in Brussels, the 24th has passed', () => {
    expect(upcomingSessions(events, new Date('2026-11-24T23:30:00Z')).map((s) => s.day)[0]).toBe('2026-12-03');
  });
  it('filters by centre, also for an event two centres announce', () => {
    expect(agendaSessions(events, now, { centre: 'kempen' }).map((s) => s.event.id)).toEqual(['vorming', 'cursus', 'vorming']);
    expect(agendaSessions(events, now, { centre: 'antwerpen' }).map((s) => s.day)).toEqual(['2026-12-03', '2027-02-01']);
    expect(agendaSessions(events, now, { centre: 'mechelen' })).toEqual([]);
  });
  it('filters by audience and keeps what is for everyone', () => {
    expect(agendaSessions(events, now, { audience: 'slachtoffers' }).map((s) => s.event.id)).toEqual(['infoavond', 'cursus']);
    expect(agendaSessions(events, now, { audience: 'professionelen' }).map((s) => s.event.id)).toEqual(['infoavond', 'vorming', 'vorming']);
    expect(agendaSessions(events, now, { audience: 'iedereen' })).toHaveLength(4);
  });
  it('lists active and planned peer groups, not full ones, active first', () => {
    const groups = [group('b-gepland', 'kempen', 'gepland'), group('volzet', 'kempen', 'volzet'), group('z-actief', 'kempen', 'actief'), group('pro', 'limburg', 'actief', 'professionelen')];
    expect(agendaGroups(groups).map((g) => g.id)).toEqual(['pro', 'z-actief', 'b-gepland']);
    expect(agendaGroups(groups, { centre: 'limburg' }).map((g) => g.id)).toEqual(['pro']);
    expect(agendaGroups(groups, { audience: 'slachtoffers' }).map((g) => g.id)).toEqual(['z-actief', 'b-gepland']);
  });
});

describe('hiding sessions that passed after the build', () => {
  it('hides a session the day after, and on its day once its end time has gone by', () => {
    expect(sessionPassed('2026-11-23', undefined, now)).toBe(true);
    expect(sessionPassed('2026-11-24', undefined, now)).toBe(false);
    expect(sessionPassed('2026-11-24', '23:30', now)).toBe(true);
    expect(sessionPassed('2026-11-24', '23:31', now)).toBe(false);
    expect(sessionPassed('2026-11-25', '10:00', now)).toBe(false);
  });
  it('uses Belgian summer time for the end', () => {
    // 21:00 in Brussels on 1 July 2027 is 19:00 UTC.
    expect(sessionPassed('2027-07-01', '21:00', new Date('2027-07-01T18:59:00Z'))).toBe(false);
    expect(sessionPassed('2027-07-01', '21:00', new Date('2027-07-01T19:00:00Z'))).toBe(true);
  });
});

describe('the audience filter in the browser', () => {
  const template = 'Je ziet nu {sessions} komende data en {groups} lotgenotengroepen.';
  // Only groups for victims, as on the agenda today: "for professionals" empties the groups.
  const entries = [
    { kind: 'session' as const, audience: 'iedereen' as const, day: '2026-11-25' },
    { kind: 'session' as const, audience: 'slachtoffers' as const, day: '2026-11-23' },
    { kind: 'group' as const, audience: 'slachtoffers' as const },
    { kind: 'group' as const, audience: 'slachtoffers' as const },
  ];
  it('says, for every filter value, how many sessions and groups are left, also when that is none', () => {
    expect(filterAgenda(entries, 'iedereen', now, template)).toEqual({ shown: [true, false, true, true], sessions: 1, groups: 2, status: 'Je ziet nu 1 komende data en 2 lotgenotengroepen.' });
    expect(filterAgenda(entries, 'slachtoffers', now, template).groups).toBe(2);
    expect(filterAgenda(entries, 'professionelen', now, template)).toEqual({ shown: [true, false, false, false], sessions: 1, groups: 0, status: 'Je ziet nu 1 komende data en 0 lotgenotengroepen.' });
  });
  it('keeps an entry without an audience under every filter value', () => {
    for (const wanted of ['iedereen', 'slachtoffers', 'professionelen'] as const) {
      expect(filterAgenda([{ kind: 'group', audience: undefined }], wanted, now, template).shown).toEqual([true]);
    }
  });
});
