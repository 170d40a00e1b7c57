/**
 * The monthly figures planners read, how each is computed from the buckets, and whether
 * it counts persons (then statistical secrecy applies, secrecy.ts). Definitions are
 * repeated in the README's "Planning figures" section.
 */
import { all, type Counts } from './contributions';
import type { PersonFigures } from './person-figures';
import { type Figure, metricCells } from './secrecy';

export const metricNames = [
  'vacancies_posted',
  'openings_posted',
  'vacancies_open',
  'vacancies_closed',
  'median_days_to_close',
  'seekers_active',
  'matches_new',
  'matches_accepted',
] as const;
export type MetricName = (typeof metricNames)[number];

/** Counted metrics (all but the median), with their bucket attribute and kind. */
export const countedMetrics = {
  vacancies_posted: { attribute: 'vp', persons: false, of: 'vacancies' },
  openings_posted: { attribute: 'op', persons: false, of: 'vacancies' },
  vacancies_open: { attribute: 'vo', persons: false, of: 'vacancies' },
  vacancies_closed: { attribute: 'vc', persons: false, of: 'vacancies' },
  seekers_active: { attribute: 'sa', persons: true, of: 'seekers' },
  matches_new: { attribute: 'nm', persons: true, of: 'vacancies' },
  matches_accepted: { attribute: 'ma', persons: true, of: 'vacancies' },
} as const;
export type CountedMetric = keyof typeof countedMetrics;

export interface CellFilter {
  sector?: string | undefined;
  occupation?: string | undefined;
}

/**
 * The bucket cell a filter reads. Vacancies have (sector, occupation) cells. Person
 * figures are published per sector or per occupation, not both (a profile's occupations
 * are not tied to its sectors, and it keeps tables small enough to protect): with both
 * filters they are counted by occupation.
 */
export function cellFor(metric: CountedMetric, filter: CellFilter): string {
  const sector = filter.sector ?? all;
  const occupation = filter.occupation ?? all;
  if (countedMetrics[metric].persons && occupation !== all) return `${all}|${occupation}`;
  return `${sector}|${occupation}`;
}

/** A vacancy figure of an area: the sum over its units (business data, not suppressed). */
export function vacancyFigure(buckets: Counts[], metric: CountedMetric, filter: CellFilter): number {
  const { attribute } = countedMetrics[metric];
  const cell = cellFor(metric, filter);
  return buckets.reduce((sum, bucket) => sum + (metricCells(bucket, attribute)[cell] ?? 0), 0);
}

/** Any counted figure of an area for one month. */
export function areaFigure(
  month: string,
  sources: { buckets: Counts[]; persons: PersonFigures; nodes: string[] },
  metric: CountedMetric,
  filter: CellFilter,
): Figure {
  const { attribute, persons } = countedMetrics[metric];
  if (!persons) return { value: vacancyFigure(sources.buckets, metric, filter), suppressed: false };
  return sources.persons.sum(sources.nodes, month, attribute, cellFor(metric, filter));
}

/**
 * Median days from posting to close of the vacancies closed that month, from the
 * histogram (exact to the day up to 60 days, 10-day bins beyond). Kept for (sector, *),
 * (*, occupation) and (*, *); null when both filters are given or nothing closed.
 */
export function medianDaysToClose(buckets: Counts[], filter: CellFilter): number | null {
  if (filter.sector && filter.occupation) return null;
  const prefix = `tc|${filter.sector ?? all}|${filter.occupation ?? all}|`;
  const histogram = new Map<number, number>();
  for (const bucket of buckets)
    for (const [name, count] of Object.entries(bucket))
      if (name.startsWith(prefix) && count > 0) {
        const days = Number(name.slice(prefix.length));
        histogram.set(days, (histogram.get(days) ?? 0) + count);
      }
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const lowerMedian = (rank: number) => {
    let seen = 0;
    for (const [days, count] of sorted) {
      seen += count;
      if (seen >= rank) return days;
    }
    return sorted[sorted.length - 1]?.[0] ?? 0;
  };
  return total % 2 === 1
    ? lowerMedian((total + 1) / 2)
    : (lowerMedian(total / 2) + lowerMedian(total / 2 + 1)) / 2;
}

/** Every metric of one month for an area, with the names of suppressed ones. */
export function monthFigures(
  month: string,
  sources: { buckets: Counts[]; persons: PersonFigures; nodes: string[] },
  filter: CellFilter,
) {
  const values: Record<MetricName, number | null> = {} as never;
  const suppressed: MetricName[] = [];
  for (const metric of Object.keys(countedMetrics) as CountedMetric[]) {
    const figure = areaFigure(month, sources, metric, filter);
    values[metric] = figure.value;
    if (figure.suppressed) suppressed.push(metric);
  }
  values.median_days_to_close = medianDaysToClose(sources.buckets, filter);
  return { values, suppressed };
}
