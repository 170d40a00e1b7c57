/**
 * Which services run on a date (GTFS calendar.txt and calendar_dates.txt), and the
 * representative weekday a timetable is computed for: the Tuesday, Wednesday or Thursday
 * with the most trips in the feeds' range (ties to the earliest), so that school holidays
 * and public holidays, which run fewer trips, are not chosen.
 */

export interface Service {
  /** Monday first, as in calendar.txt. */
  days: boolean[];
  start: string;
  end: string;
}

export interface ServiceCalendar {
  services: Map<string, Service>;
  /** service → date (YYYYMMDD) → 1 added, 2 removed. */
  exceptions: Map<string, Map<string, 1 | 2>>;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
  return (new Date(utc).getUTCDay() + 6) % 7;
}

export function addDays(date: string, days: number): string {
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
  return new Date(utc + days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
}

export function runsOn(calendar: ServiceCalendar, service: string, date: string): boolean {
  const exception = calendar.exceptions.get(service)?.get(date);
  if (exception) return exception === 1;
  const regular = calendar.services.get(service);
  return !!regular && regular.start <= date && date <= regular.end && !!regular.days[weekdayOf(date)];
}

/** The first and last dates any service runs (regular or added). */
export function dateRange(calendar: ServiceCalendar): { first: string; last: string } | undefined {
  let first: string | undefined;
  let last: string | undefined;
  const see = (date: string) => {
    if (!first || date < first) first = date;
    if (!last || date > last) last = date;
  };
  for (const service of calendar.services.values()) {
    see(service.start);
    see(service.end);
  }
  for (const dates of calendar.exceptions.values())
    for (const [date, type] of dates) if (type === 1) see(date);
  return first && last ? { first, last } : undefined;
}

/** Longest span searched for the representative day. */
const maxSearchDays = 400;

/** The mid-week day with the most trips, given how many trips each service has. */
export function representativeDay(calendar: ServiceCalendar, tripsPerService: Map<string, number>) {
  const range = dateRange(calendar);
  if (!range) return undefined;
  let best: { date: string; trips: number } | undefined;
  for (let date = range.first, n = 0; date <= range.last && n < maxSearchDays; date = addDays(date, 1), n++) {
    const weekday = weekdayOf(date);
    if (weekday < 1 || weekday > 3) continue;
    let trips = 0;
    for (const [service, count] of tripsPerService) if (runsOn(calendar, service, date)) trips += count;
    if (!best || trips > best.trips) best = { date, trips };
  }
  return best;
}

export const weekdayNames = [
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
] as const;
