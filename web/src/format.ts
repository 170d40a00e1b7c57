/** Display rules shared by every view (tested in test/unit/web-format.test.ts). */

/** A published count, or "< 11" when statistical secrecy hides it: never the hidden number. */
export function formatCount(value: number | null | undefined, suppressed: boolean, locale = 'fr-FR'): string {
  if (suppressed) return '< 11';
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

export const formatRatio = (value: number | null, locale = 'fr-FR') =>
  value === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

/** `YYYY-MM` → seconds at the first of the month (uPlot's x axis). */
export const monthToSeconds = (month: string) => Date.parse(`${month}-01T00:00:00Z`) / 1000;

export interface IndicatorRow {
  month: string;
  suppressed: string[];
  [metric: string]: number | null | string | string[];
}

/** One series per metric for a chart: suppressed or missing months are gaps (null), never zeros. */
export function indicatorSeries(rows: IndicatorRow[], metrics: string[]): [number[], ...(number | null)[][]] {
  return [
    rows.map((row) => monthToSeconds(row.month)),
    ...metrics.map((metric) =>
      rows.map((row) => {
        const value = row[metric];
        return row.suppressed.includes(metric) || typeof value !== 'number' ? null : value;
      }),
    ),
  ];
}

export interface ForecastAnswer {
  history: { month: string; value: number | null; suppressed: boolean }[];
  points: {
    month: string;
    forecast: number | null;
    lower80: number | null;
    upper80: number | null;
    lower95: number | null;
    upper95: number | null;
  }[];
}

/**
 * Forecast chart data: x, history, forecast, 80 % low/high, 95 % low/high. The forecast
 * line starts at the last observed month so the two lines join.
 */
export function forecastSeries(answer: ForecastAnswer): [number[], ...(number | null)[][]] {
  const months = [...answer.history.map((h) => h.month), ...answer.points.map((p) => p.month)];
  const history = answer.history.map((h) => (h.suppressed ? null : h.value));
  const blank = () => answer.history.map(() => null as number | null);
  const last = history.length - 1;
  const join = (values: (number | null)[]) => {
    const series = [...blank(), ...values];
    if (last >= 0 && answer.points.length > 0) series[last] = history[last] ?? null;
    return series;
  };
  return [
    months.map(monthToSeconds),
    [...history, ...answer.points.map(() => null)],
    join(answer.points.map((p) => p.forecast)),
    join(answer.points.map((p) => p.lower80)),
    join(answer.points.map((p) => p.upper80)),
    join(answer.points.map((p) => p.lower95)),
    join(answer.points.map((p) => p.upper95)),
  ];
}

/** Field errors of an RFC 9457 problem, keyed by the form field they name (`body.site.commune` → `site.commune`). */
export function fieldErrors(problem: { errors?: { field: string; detail: string }[] } | undefined) {
  const errors: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    const field = error.field.replace(/^(body|query)\./, '');
    errors[field] ??= error.detail;
  }
  return errors;
}

/** Projects a point onto an SVG map box (equirectangular, fine at a territory's scale). */
export function project(
  point: { lat: number; lon: number },
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
  size: { width: number; height: number },
) {
  const x = ((point.lon - box.minLon) / (box.maxLon - box.minLon || 1)) * size.width;
  const y = ((box.maxLat - point.lat) / (box.maxLat - box.minLat || 1)) * size.height;
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

/** What someone else changed between the version a form started from and the current one. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  labels: Record<string, string>,
): { field: string; label: string; from: string; to: string }[] {
  const show = (value: unknown) =>
    Array.isArray(value) ? value.join(', ') : value === undefined ? '–' : String(value);
  return Object.entries(labels)
    .filter(([field]) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map(([field, label]) => ({ field, label, from: show(before[field]), to: show(after[field]) }));
}
