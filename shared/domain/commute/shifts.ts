import type { Shift } from '../schema-parts';

/**
 * Usual hours of each shift, as the 3×8 of process industries runs in the basin
 * (06–14 "poste du matin", 14–22 "après-midi", 22–06 "nuit") and day work (08–17,
 * "journée"). A vacancy may give its own start per shift (`shiftStarts`): the shift
 * then keeps its usual length. A commute is feasible for a shift when the journey there
 * arrives by the start and a journey back leaves after the end.
 */
export const shiftHours: Record<Shift, { start: number; end: number }> = {
  day: { start: 8, end: 17 },
  morning: { start: 6, end: 14 },
  afternoon: { start: 14, end: 22 },
  night: { start: 22, end: 6 },
};

const lengthMinutes = (shift: Shift) => ((shiftHours[shift].end - shiftHours[shift].start + 24) % 24) * 60;

/** "05:30" → 330. */
export const minutesOfClock = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Start and end of a shift in minutes after midnight (the end may be past 24:00 for a night shift). */
export function shiftTimes(
  shift: Shift,
  starts?: Partial<Record<Shift, string>>,
): { start: number; end: number } {
  const own = starts?.[shift];
  const start = own ? minutesOfClock(own) : shiftHours[shift].start * 60;
  return { start, end: start + lengthMinutes(shift) };
}
