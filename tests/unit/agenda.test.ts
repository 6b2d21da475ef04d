import { describe, expect, it } from 'vitest';
import { upcomingSessions } from '../../src/lib/agenda';

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const course = {
  id: 'je-weren-kan-je-leren',
  data: {
    title: 'Je weren kan je leren',
    centres: ['kempen'],
    sessions: [
      { date: day('2017-10-14'), start: '09:30', end: '16:30' },
      { date: day('2027-03-08'), note: 'uren nog te bepalen' },
      { date: day('2027-02-15'), start: '13:00' },
    ],
  },
};
const infoSession = { id: 'info', data: { title: 'Infosessie', centres: ['antwerpen'], sessions: [{ date: day('2027-02-15'), start: '09:00' }] } };

describe('upcomingSessions', () => {
  it('drops past sessions and sorts the rest by day and start time', () => {
    const list = upcomingSessions([course, infoSession], new Date('2026-11-24T10:00:00Z'));
    expect(list.map((s) => `${s.day} ${s.session.start ?? '-'} ${s.event.id}`)).toEqual([
      '2027-02-15 09:00 info',
      '2027-02-15 13:00 je-weren-kan-je-leren',
      '2027-03-08 - je-weren-kan-je-leren',
    ]);
  });

  it('shows nothing when every session is past, as with the seeded 2017-2018 dates', () => {
    const past = { ...course, data: { ...course.data, sessions: [course.data.sessions[0]] } };
    expect(upcomingSessions([past], new Date('2026-11-24T10:00:00Z'))).toEqual([]);
  });

  it('keeps a session on its own day until midnight in Belgium', () => {
    const events = [{ id: 'x', data: { title: 'x', centres: [], sessions: [{ date: day('2027-02-15') }] } }];
    expect(upcomingSessions(events, new Date('2027-02-15T22:30:00Z'))).toHaveLength(1); // 23:30 in Brussels
    expect(upcomingSessions(events, new Date('2027-02-15T23:30:00Z'))).toHaveLength(0); // 00:30 on the 16th
  });
});
