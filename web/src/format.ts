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

/** What someone else changed between the version a form started from and the current one. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  labels: Record<string, string>,
): { field: string; label: string; from: string; to: string }[] {
  // Lists of codes with labels (skills) read as their labels.
  const word = (item: unknown) =>
    typeof item === 'object' && item !== null && 'label' in item ? String(item.label) : String(item);
  const show = (value: unknown) =>
    Array.isArray(value) ? value.map(word).join(', ') : value === undefined ? '–' : String(value);
  return Object.entries(labels)
    .filter(([field]) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map(([field, label]) => ({ field, label, from: show(before[field]), to: show(after[field]) }));
}

/** Web Mercator pixel position of a point at a zoom level (256-px tiles), for map tiles and markers alike. */
export function mercator(point: { lat: number; lon: number }, zoom: number) {
  const scale = 256 * 2 ** zoom;
  const sin = Math.sin((point.lat * Math.PI) / 180);
  return {
    x: ((point.lon + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
  };
}

/** The tiles (z/x/y and where to draw them) covering a box, at the largest zoom that fits `size`. */
export function tilesFor(
  box: { minLat: number; maxLat: number; minLon: number; maxLon: number },
  size: { width: number; height: number },
) {
  let zoom = 12;
  for (; zoom > 1; zoom--) {
    const a = mercator({ lat: box.maxLat, lon: box.minLon }, zoom);
    const b = mercator({ lat: box.minLat, lon: box.maxLon }, zoom);
    if (b.x - a.x <= size.width && b.y - a.y <= size.height) break;
  }
  const origin = mercator({ lat: box.maxLat, lon: box.minLon }, zoom);
  const tiles: { z: number; x: number; y: number; left: number; top: number }[] = [];
  for (let x = Math.floor(origin.x / 256); x * 256 < origin.x + size.width; x++)
    for (let y = Math.floor(origin.y / 256); y * 256 < origin.y + size.height; y++)
      tiles.push({ z: zoom, x, y, left: x * 256 - origin.x, top: y * 256 - origin.y });
  const place = (point: { lat: number; lon: number }) => {
    const p = mercator(point, zoom);
    return { x: Math.round((p.x - origin.x) * 10) / 10, y: Math.round((p.y - origin.y) * 10) / 10 };
  };
  return { zoom, tiles, place };
}
