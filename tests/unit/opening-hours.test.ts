import { describe, expect, it } from 'vitest';
import { belgianHolidays, describeOpenState, easterSunday, openState, type Schedule } from '../../src/lib/opening-hours';

const labels = { open: 'Nu open tot {time}', closedOpens: 'Gesloten, opent {day} om {time}', closed: 'Gesloten', today: 'vandaag', tomorrow: 'morgen' };
/** Office hours on weekdays and a Sunday morning line, as a centre writes them. */
const line: Schedule = {
  hours: [
    { days: ['ma', 'di', 'wo', 'do', 'vr'], opens: '09:00', closes: '16:00' },
    { days: ['zo'], opens: '09:00', closes: '12:00' },
  ],
};
const say = (schedule: Schedule, iso: string) => describeOpenState(openState(schedule, new Date(iso)), new Date(iso), labels);

describe('the minute a line opens and closes', () => {
  it('is closed at 08:59 and open at 09:00, open at 15:59 and closed at 16:00 (Belgian time)', () => {
    // Tuesday 24 November 2026, winter time: Belgium is UTC+1.
    expect(say(line, '2026-11-24T07:59:00Z')).toBe('Gesloten, opent vandaag om 09:00');
    expect(say(line, '2026-11-24T08:00:00Z')).toBe('Nu open tot 16:00');
    expect(say(line, '2026-11-24T14:59:59Z')).toBe('Nu open tot 16:00');
    expect(say(line, '2026-11-24T15:00:00Z')).toBe('Gesloten, opent morgen om 09:00');
  });
  it('names the weekday when the next opening is later in the week', () => {
    // Saturday 28 November 2026 at noon: next opening is Sunday morning.
    expect(say(line, '2026-11-28T11:00:00Z')).toBe('Gesloten, opent morgen om 09:00');
    expect(say({ hours: [line.hours[0]] }, '2026-11-27T16:00:00Z')).toBe('Gesloten, opent maandag om 09:00');
  });
});

describe('summer and winter time', () => {
  it('follows the clock on the last Sunday of March (29 March 2026, UTC+2 from 03:00)', () => {
    expect(say(line, '2026-03-29T06:59:00Z')).toBe('Gesloten, opent vandaag om 09:00');
    expect(say(line, '2026-03-29T07:00:00Z')).toBe('Nu open tot 12:00');
    expect(say(line, '2026-03-29T09:59:00Z')).toBe('Nu open tot 12:00');
    expect(say(line, '2026-03-29T10:00:00Z')).toBe('Gesloten, opent morgen om 09:00');
  });
  it('follows the clock on the last Sunday of October (25 October 2026, UTC+1 from 03:00)', () => {
    expect(say(line, '2026-10-25T07:59:00Z')).toBe('Gesloten, opent vandaag om 09:00');
    expect(say(line, '2026-10-25T08:00:00Z')).toBe('Nu open tot 12:00');
    expect(say(line, '2026-10-25T10:59:00Z')).toBe('Nu open tot 12:00');
    expect(say(line, '2026-10-25T11:00:00Z')).toBe('Gesloten, opent morgen om 09:00');
  });
  it('reads the day in Belgium, not in UTC, just after midnight', () => {
    // 23:30 UTC on Sunday is 00:30 on Monday in Belgium (winter).
    expect(say(line, '2026-11-29T23:30:00Z')).toBe('Gesloten, opent vandaag om 09:00');
  });
});

describe('Belgian public holidays', () => {
  it('computes Easter for any year', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });
  it('lists the ten legal holidays, moving ones from Easter', () => {
    expect(belgianHolidays(2026)).toEqual([
      '2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25',
      '2026-07-21', '2026-08-15', '2026-11-01', '2026-11-11', '2026-12-25',
    ]);
    expect(belgianHolidays(2030)).toContain('2030-06-10'); // Pinkstermaandag 2030
  });
  // No source says a line closes on public holidays: the page claims neither open nor closed.
  it('says nothing on a public holiday the centre gave no hours for, and names no opening on one', () => {
    // Wednesday 11 November 2026, Wapenstilstand.
    expect(openState(line, new Date('2026-11-11T10:00:00Z'))).toEqual({ open: null });
    expect(say(line, '2026-11-11T10:00:00Z')).toBe('');
    // Thursday 24 December at 17:00: closed now; Christmas Friday is unknown, so no "opent ..." after it.
    expect(say({ hours: [line.hours[0]] }, '2026-12-24T16:00:00Z')).toBe('Gesloten');
    // Friday 26 March 2027 at 17:00: Easter Monday 29 March is unknown.
    expect(say({ hours: [line.hours[0]] }, '2027-03-26T16:00:00Z')).toBe('Gesloten');
  });
});

describe('exceptions from content', () => {
  it('closes a line on a team day and opens it on a holiday when the centre says so', () => {
    const schedule: Schedule = { ...line, exceptions: [{ date: '2026-11-25', note: 'Teamdag' }, { date: '2026-11-11', opens: '10:00', closes: '12:00' }] };
    expect(say(schedule, '2026-11-24T15:00:00Z')).toBe('Gesloten, opent donderdag om 09:00');
    expect(say(schedule, '2026-11-11T09:30:00Z')).toBe('Nu open tot 12:00');
  });
  it('gives the date when the line reopens more than a week later, and says only "Gesloten" when it does not within 60 days', () => {
    const days = Array.from({ length: 14 }, (_, i) => `2026-07-${String(i + 13).padStart(2, '0')}`);
    const summer: Schedule = { hours: [line.hours[0]], exceptions: days.map((date) => ({ date })) };
    expect(say(summer, '2026-07-10T15:00:00Z')).toBe('Gesloten, opent maandag 27 juli om 09:00');
    expect(say({ hours: [{ days: ['ma'], opens: '09:00', closes: '10:00' }], exceptions: Array.from({ length: 62 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10) })) }, '2026-01-01T12:00:00Z')).toBe('Gesloten');
  });
});
