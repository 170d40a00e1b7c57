import { describe, expect, it } from 'vitest';
import { endOfQuietHours, inQuietHours, parisClock } from '../../shared/domain/notifications/paris-time';

const quiet = { start: '20:00', end: '08:00' };

describe('Paris wall-clock time', () => {
  it('follows the winter and summer offsets', () => {
    expect(parisClock(new Date('2026-12-01T07:30:00Z'))).toEqual({
      date: '2026-12-01',
      minutes: 8 * 60 + 30,
    });
    expect(parisClock(new Date('2027-07-01T06:30:00Z'))).toEqual({
      date: '2027-07-01',
      minutes: 8 * 60 + 30,
    });
    expect(parisClock(new Date('2027-07-01T22:30:00Z')).date).toBe('2027-07-02');
  });

  it('knows quiet hours that span midnight', () => {
    expect(inQuietHours(new Date('2026-12-01T19:30:00Z'), quiet)).toBe(true); // 20:30 Paris
    expect(inQuietHours(new Date('2026-12-01T06:30:00Z'), quiet)).toBe(true); // 07:30
    expect(inQuietHours(new Date('2026-12-01T07:00:00Z'), quiet)).toBe(false); // 08:00
    expect(inQuietHours(new Date('2026-12-01T12:00:00Z'), { start: '09:00', end: '17:00' })).toBe(true);
  });

  it('finds the end of quiet hours in winter and in summer', () => {
    expect(endOfQuietHours(new Date('2026-12-01T21:10:00Z'), quiet).toISOString()).toBe(
      '2026-12-02T07:00:00.000Z',
    );
    expect(endOfQuietHours(new Date('2027-07-01T21:10:00Z'), quiet).toISOString()).toBe(
      '2027-07-02T06:00:00.000Z',
    );
    const outside = new Date('2026-12-01T12:00:00Z');
    expect(endOfQuietHours(outside, quiet)).toEqual(outside);
  });
});
