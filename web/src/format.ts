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

/** "2026-03" → "mars 2026". */
export const monthName = (month: string) =>
  new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** A stored E.164 French number as people write it: "+33612345678" → "06 12 34 56 78"; others as stored. */
export function phoneForPeople(e164: string | undefined): string {
  if (!e164) return '';
  const french = /^\+33(\d{9})$/.exec(e164)?.[1];
  return french ? `0${french}`.replace(/(\d{2})(?=\d)/g, '$1 ') : e164;
}

/** Whole euros without cents ("2 100 €"), others with two ("12,50 €"): the same in every browser. */
const euroFormats = [0, 2].map(
  (digits) =>
    new Intl.NumberFormat('fr-FR', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }),
);
const euros = {
  format: (value: number) =>
    (euroFormats[Number.isInteger(value) ? 0 : 1] as Intl.NumberFormat).format(value),
};
const periods = { hour: 'de l’heure', month: 'par mois', year: 'par an' } as const;
/** "2 100 € à 2 600 € brut par mois". */
export function salaryInWords(salary: { min: number; max: number; period: keyof typeof periods }) {
  const range =
    salary.min === salary.max
      ? euros.format(salary.min)
      : `${euros.format(salary.min)} à ${euros.format(salary.max)}`;
  return `${range} brut ${periods[salary.period]}`;
}

/** "4 janvier 2027". */
export const dateInWords = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
