import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { agendaFeed, type FeedEvent } from '../../src/lib/agenda-feed';

const events: FeedEvent[] = [
  {
    id: 'je-weren-kan-je-leren',
    data: {
      title: 'Je weren, kan je leren; voor vrouwen',
      summary: 'Cursus weerbaarheid, zelfverdediging; 4 avonden',
      place: 'Turnhout, CAW De Kempen',
      registration: 'Inschrijven via het CAW',
      centres: ['kempen'],
      sessions: [
        { date: new Date('2027-03-27'), start: '19:30', end: '21:30' },
        { date: new Date('2027-03-28'), start: '19:30', end: '21:30' },
      ],
    },
  },
  { id: 'infosessie', data: { title: 'Infosessie', summary: 'Voor professionelen', place: 'Gent', centres: ['oost-vlaanderen', 'kempen'], sessions: [{ date: new Date('2027-01-12'), note: 'uren volgen' }] } },
];
const site = 'https://veilighuis.example';

function parse(text: string) {
  const vcalendar = new ICAL.Component(ICAL.parse(text));
  return vcalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('agenda feeds', () => {
  it('parse back with ical.js, commas and semicolons intact', () => {
    const feed = agendaFeed(events, { name: 'Agenda Kempen', site, centre: 'kempen' });
    expect(feed).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n/);
    expect(feed).toContain('SUMMARY:Je weren\\, kan je leren\\; voor vrouwen');
    const parsed = parse(feed);
    expect(parsed.map((e) => e.summary)).toEqual(['Infosessie', 'Je weren, kan je leren; voor vrouwen', 'Je weren, kan je leren; voor vrouwen']);
    expect(parsed[1].location).toBe('Turnhout, CAW De Kempen');
    expect(parsed[1].description).toBe('Cursus weerbaarheid, zelfverdediging; 4 avonden\nInschrijven via het CAW');
  });
  it('writes Belgian times as UTC, across the change to summer time', () => {
    const [, saturday, sunday] = parse(agendaFeed(events, { name: 'Agenda', site }));
    // 27 March 2027 is still winter time (UTC+1); summer time starts on Sunday 28 March (UTC+2).
    expect(saturday.startDate.toJSDate().toISOString()).toBe('2027-03-27T18:30:00.000Z');
    expect(sunday.startDate.toJSDate().toISOString()).toBe('2027-03-28T17:30:00.000Z');
    expect(sunday.endDate.toJSDate().toISOString()).toBe('2027-03-28T19:30:00.000Z');
    expect(sunday.startDate.zone?.tzid).toBe('UTC');
  });
  it('makes a session without hours an all-day event', () => {
    const [info] = parse(agendaFeed(events, { name: 'Agenda', site }));
    expect(info.startDate.isDate).toBe(true);
    expect(info.startDate.toString()).toBe('2027-01-12');
    expect(info.description).toContain('uren volgen');
  });
  it('keeps UIDs and the whole feed the same from one build to the next', async () => {
    const first = agendaFeed(events, { name: 'Agenda', site });
    await new Promise((r) => setTimeout(r, 1100));
    expect(agendaFeed(events, { name: 'Agenda', site })).toBe(first);
    const uids = parse(first).map((e) => e.uid);
    expect(uids).toEqual(['infosessie-2027-01-12@veilighuis.example', 'je-weren-kan-je-leren-2027-03-27-1930@veilighuis.example', 'je-weren-kan-je-leren-2027-03-28-1930@veilighuis.example']);
    expect(new Set(uids).size).toBe(uids.length);
  });
  it('holds only the centre\'s events in a centre feed', () => {
    expect(parse(agendaFeed(events, { name: 'Agenda', site, centre: 'oost-vlaanderen' })).map((e) => e.uid)).toEqual(['infosessie-2027-01-12@veilighuis.example']);
  });
});
