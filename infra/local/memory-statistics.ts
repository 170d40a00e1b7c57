/**
 * The statistics store in memory, for the seed: the counting code (countEntity, reconcile)
 * runs unchanged against it at memory speed, then `items()` gives the buckets, records and
 * start month as DynamoDB items (statisticsItems, the adapter's own layout) for one bulk load.
 * Same contract as the DynamoDB adapter: conditional record writes, marks that make a change
 * count once. Bookkeeping marks are cleared by the counting code before it returns.
 */
import { statisticsItems } from '../../shared/adapters/dynamodb/statistics-store';
import { bucketKey, type EntityKey } from '../../shared/domain/planning/codes';
import type { Counts } from '../../shared/domain/planning/contributions';
import type { Month } from '../../shared/domain/planning/months';
import type { ContributionRecord, StatisticsStore } from '../../shared/ports/statistics';
import { StaleWriteError } from '../../shared/ports/store';

export function memoryStatisticsStore(): StatisticsStore & { items(): Record<string, unknown>[] } {
  const records = new Map<EntityKey, ContributionRecord>();
  /** Live records by the month they were reconciled through (the adapter's GSI1). */
  const live = new Map<Month, Set<EntityKey>>();
  const buckets = new Map<string, { counts: Counts; marks: Map<string, number> }>();
  let firstMonth: Month | undefined;
  // The counting code builds new contributions rather than changing them: shallow copies do.
  const copy = <T extends object>(value: T): T => ({ ...value });

  return {
    async record(entityKey) {
      const record = records.get(entityKey);
      return record && copy(record);
    },
    async saveRecord(record, expectedSeq) {
      const stored = records.get(record.entityKey);
      if (stored?.seq !== expectedSeq) throw new StaleWriteError();
      if (stored?.live) live.get(stored.through)?.delete(stored.entityKey);
      records.set(record.entityKey, copy(record));
      if (record.live)
        live.set(record.through, (live.get(record.through) ?? new Set()).add(record.entityKey));
    },
    async deleteRecord(entityKey, seq) {
      const record = records.get(entityKey);
      if (record?.seq !== seq || record.pending) return;
      records.delete(entityKey);
      live.get(record.through)?.delete(entityKey);
    },
    async applyOnce(bucket, delta, mark, seq) {
      const item = buckets.get(bucket) ?? { counts: {} as Counts, marks: new Map<string, number>() };
      buckets.set(bucket, item);
      if ((item.marks.get(mark) ?? 0) >= seq) return;
      item.marks.set(mark, seq);
      for (const [attribute, value] of Object.entries(delta))
        item.counts[attribute] = (item.counts[attribute] ?? 0) + value;
    },
    async clearMark(bucket, mark) {
      buckets.get(bucket)?.marks.delete(mark);
    },
    async liveThrough(month) {
      return [...(live.get(month) ?? [])].sort();
    },
    async buckets(unit, from, to) {
      const found = new Map<Month, Counts>();
      for (const [key, { counts }] of buckets) {
        const { unit: of, month } = bucketKey.decode(key);
        if (of === unit && month >= from && month <= to) found.set(month, copy(counts));
      }
      return found;
    },
    async bucketsOf(units, month) {
      return units.map((unit) => copy(buckets.get(bucketKey.encode(unit, month))?.counts ?? {}));
    },
    async firstMonth() {
      return firstMonth;
    },
    async noteCountedMonth(month) {
      if (!firstMonth || month < firstMonth) firstMonth = month;
    },
    items() {
      return [
        ...[...records.values()].map(statisticsItems.record),
        ...[...buckets].map(([key, { counts }]) => statisticsItems.bucket(key, counts)),
        ...(firstMonth ? [statisticsItems.start(firstMonth)] : []),
      ];
    },
  };
}
