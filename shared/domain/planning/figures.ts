/**
 * The monthly figures planners read, how each is computed from the buckets, and whether
 * it counts persons (then statistical secrecy applies, secrecy.ts). Definitions are
 * repeated in the README's "Planning figures" section.
 */
import { all, cell, counter, type Metric, type MonthlyMetric, metrics, type PublishedMetric } from './codes';
import type { Counts } from './contributions';
import type { PersonFigures } from './person-figures';
import { type Figure, metricCells } from './secrecy';

/** The published monthly figures, in the API's order (codes.ts `metrics`). */
export const metricNames = (Object.keys(metrics) as Metric[]).filter(
  (metric) => metrics[metric].kept !== 'now',
) as [PublishedMetric, ...PublishedMetric[]];
export type MetricName = PublishedMetric;

/** Counted metrics (all published ones but the median). */
export type CountedMetric = MonthlyMetric;
export const countedMetrics = (Object.keys(metrics) as Metric[]).filter(
  (metric): metric is CountedMetric => metrics[metric].kept === 'monthly',
);

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
export function cellFor(metric: CountedMetric, filter: CellFilter) {
  const sector = filter.sector ?? all;
  const occupation = filter.occupation ?? all;
  if (metrics[metric].persons && occupation !== all) return cell.encode(all, occupation);
  return cell.encode(sector, occupation);
}

/** A vacancy figure of an area: the sum over its units (business data, not suppressed). */
export function vacancyFigure(buckets: Counts[], metric: CountedMetric, filter: CellFilter): number {
  const at = cellFor(metric, filter);
  return buckets.reduce((sum, bucket) => sum + (metricCells(bucket, metric)[at] ?? 0), 0);
}

/** Any counted figure of an area for one month. */
export function areaFigure(
  month: string,
  sources: { buckets: Counts[]; persons: PersonFigures; nodes: string[] },
  metric: CountedMetric,
  filter: CellFilter,
): Figure {
  if (!metrics[metric].persons)
    return { value: vacancyFigure(sources.buckets, metric, filter), suppressed: false };
  return sources.persons.sum(sources.nodes, month, metric, cellFor(metric, filter));
}

/**
 * Median days from posting to close of the vacancies closed that month, from the
 * histogram (exact to the day up to 60 days, 10-day bins beyond). Kept for (sector, *),
 * (*, occupation) and (*, *); null when both filters are given or nothing closed.
 */
export function medianDaysToClose(buckets: Counts[], filter: CellFilter): number | null {
  if (filter.sector && filter.occupation) return null;
  const wanted = cell.encode(filter.sector ?? all, filter.occupation ?? all);
  const histogram = new Map<number, number>();
  for (const bucket of buckets)
    for (const [name, count] of Object.entries(bucket)) {
      const counted = counter.decode(name);
      if (
        counted?.metric === 'median_days_to_close' &&
        counted.cell === wanted &&
        counted.bin !== undefined &&
        count > 0
      )
        histogram.set(counted.bin, (histogram.get(counted.bin) ?? 0) + count);
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
  for (const metric of countedMetrics) {
    const figure = areaFigure(month, sources, metric, filter);
    values[metric] = figure.value;
    if (figure.suppressed) suppressed.push(metric);
  }
  values.median_days_to_close = medianDaysToClose(sources.buckets, filter);
  return { values, suppressed };
}
