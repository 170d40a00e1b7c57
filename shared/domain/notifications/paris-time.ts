/** Wall-clock time in Europe/Paris, where seekers live: quiet hours and daily caps follow it. */
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function parisClock(at: Date): { date: string; minutes: number } {
  const parts = Object.fromEntries(formatter.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function inQuietHours(at: Date, quiet: { start: string; end: string }): boolean {
  const now = parisClock(at).minutes;
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  return start <= end ? now >= start && now < end : now >= start || now < end;
}

/**
 * The first minute at or after `at` that is outside quiet hours. Jumps straight to the end
 * time on the wall clock, then steps minute by minute to absorb a daylight-saving change.
 */
export function endOfQuietHours(at: Date, quiet: { start: string; end: string }): Date {
  const start = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  if (!inQuietHours(start, quiet)) return start;
  const minutesToEnd = (toMinutes(quiet.end) - parisClock(start).minutes + 1440) % 1440;
  let probe = new Date(start.getTime() + Math.max(0, minutesToEnd - 90) * 60_000);
  for (let i = 0; i < 48 * 60 && inQuietHours(probe, quiet); i++) probe = new Date(probe.getTime() + 60_000);
  return probe;
}
