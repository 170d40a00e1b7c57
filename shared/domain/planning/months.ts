/** Calendar months as `YYYY-MM` (UTC): the time buckets of every planning figure. */
export type Month = string;

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export const monthOf = (at: string | Date): Month => new Date(at).toISOString().slice(0, 7);

export function addMonths(month: Month, count: number): Month {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included; empty when `from` is after `to`. */
export function monthRange(from: Month, to: Month): Month[] {
  const months: Month[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}
