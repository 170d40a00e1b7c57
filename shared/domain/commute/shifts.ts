import type { Shift } from '../schema-parts';

/**
 * Typical hours of industrial shifts (the 3×8 of process industries: 05–13, 13–21,
 * 21–05) and of day work. A commute is feasible for a shift when the outbound trip
 * (leaving an hour before the start) and the return trip (at the end) both are.
 */
export const shiftHours: Record<Shift, { start: number; end: number }> = {
  day: { start: 8, end: 17 },
  morning: { start: 5, end: 13 },
  afternoon: { start: 13, end: 21 },
  night: { start: 21, end: 5 },
};

export const outboundHour = (shift: Shift) => (shiftHours[shift].start + 23) % 24;
export const returnHour = (shift: Shift) => shiftHours[shift].end;
