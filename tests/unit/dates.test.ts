import { describe, expect, it } from 'vitest';
import { addDays, brusselsClock, brusselsDay, brusselsTime, formatNumber, formatTime, formatWeekday, weekdayOf } from '../../src/lib/dates';

describe('dates in Belgium', () => {
  it('turns a Belgian wall-clock time into the right instant in winter and summer', () => {
    expect(brusselsTime('2026-03-28', '10:00').toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(brusselsTime('2026-03-29', '10:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(brusselsTime('2026-10-24', '19:30').toISOString()).toBe('2026-10-24T17:30:00.000Z');
    expect(brusselsTime('2026-10-25', '19:30').toISOString()).toBe('2026-10-25T18:30:00.000Z');
  });
  it('reads the day, weekday and minute in Belgium', () => {
    expect(brusselsClock(new Date('2026-11-29T23:30:00Z'))).toEqual({ day: '2026-11-30', weekday: 0, minutes: 30 });
    expect(brusselsDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
  it('counts days across months and names weekdays in Dutch', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(weekdayOf('2026-11-24')).toBe(1);
    expect(formatWeekday('2026-11-24')).toBe('dinsdag');
    expect(formatWeekday('2027-01-04', { date: true })).toBe('maandag 4 januari');
  });
});

describe('numbers and times in the page language', () => {
  it('groups thousands as each language does, with no ASCII comma in Arabic', () => {
    expect(formatNumber(27000, 'nl')).toBe('27.000');
    expect(formatNumber(27000, 'fr')).toMatch(/^27[\u202f\u00a0]000$/);
    expect(formatNumber(27000, 'pl')).toMatch(/^27[\u202f\u00a0]000$/);
    expect(formatNumber(27000, 'en')).toBe('27,000');
    expect(formatNumber(27000, 'tr')).toBe('27.000');
    expect(formatNumber(27000, 'ar')).toBe('27\u066C000');
    expect(formatNumber(35, 'ar')).toBe('35');
  });

  it('says the hour the French way, and 9:00 elsewhere', () => {
    expect(formatTime('09:00', 'fr')).toBe('9 h');
    expect(formatTime('19:30', 'fr')).toBe('19 h 30');
    expect(formatTime('09:00', 'nl')).toBe('9:00');
    expect(formatTime('09:00', 'en')).toBe('9:00');
    expect(formatTime('19:00', 'ar')).toBe('19:00');
  });
});
