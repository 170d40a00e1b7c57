/**
 * How a territory paces its offers (OFFER_WAVE_FACTOR, OFFER_COLLECTION_MINUTES,
 * OFFER_NEXT_WAVE_HOURS in the deployment's configuration).
 */
export interface WaveSettings {
  /** A wave offers the vacancy to `factor × openings` seekers. */
  factor: number;
  /** After a vacancy is posted or changed, how long the matcher's results are collected before the first wave. */
  collectionMinutes: number;
  /** The next wave goes when the previous one is all answered, or this long after it at the latest. */
  nextWaveHours: number;
}

export const defaultWaveSettings: WaveSettings = { factor: 10, collectionMinutes: 10, nextWaveHours: 48 };

/** The order of a vacancy's queue: best score first, then shortest commute (the storage keys sort the same). */
export const offerRank = (score: number, commuteMinutes: number) =>
  `${String(100 - score).padStart(3, '0')}#${String(commuteMinutes).padStart(4, '0')}`;

/** ISO week of a Paris date, `2026-W49`: the "offers received this week" tie-break counts per week. */
export function isoWeek(parisDate: string): string {
  const day = new Date(`${parisDate}T12:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const firstThursday = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week =
    1 +
    Math.round(
      ((thursday.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
