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

/** The first instant at or after `at` that is outside quiet hours (minute precision). */
export function endOfQuietHours(at: Date, quiet: { start: string; end: string }): Date {
  let probe = new Date(Math.ceil(at.getTime() / 60_000) * 60_000);
  for (let i = 0; i < 48 * 60 && inQuietHours(probe, quiet); i += 15)
    probe = new Date(probe.getTime() + 15 * 60_000);
  return probe;
}

/** The Paris date after `date` (YYYY-MM-DD). */
export function nextParisDate(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
