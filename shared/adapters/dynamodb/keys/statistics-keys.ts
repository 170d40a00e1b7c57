/**
 * Planning statistics.
 * - Bucket: one item per (statistical unit, month) holding every counter of that unit and
 *   month as attributes (planning/codes.ts `counter`), plus the unit's "now" bucket
 *   (current skill supply and demand). A query reads months × units items, whatever the
 *   number of vacancies or seekers behind them.
 * - Contribution record: per counted entity, what it has added so far, in its own
 *   partition; while the entity still counts next month it is listed in GSI1 under the
 *   month it was last reconciled through, so the monthly roll finds it without a Scan.
 */
export const statisticsKeys = {
  bucketEntity: 'StatisticsBucket',
  recordEntity: 'StatisticsContribution',
  bucket: (unit: string, month: string) => ({ PK: `STAT#${unit}`, SK: month }),
  bucketPartition: (unit: string) => `STAT#${unit}`,
  record: (entityKey: string) => ({ PK: `STATSRC#${entityKey}`, SK: 'RECORD' }),
  livePartition: (month: string) => `STATLIVE#${month}`,
  /** The first month counted, for the whole platform. */
  start: { PK: 'STATSTART', SK: 'FIRST' },
  live: (month: string, entityKey: string) => ({ GSI1PK: `STATLIVE#${month}`, GSI1SK: entityKey }),
} as const;
