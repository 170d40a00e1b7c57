/**
 * Keeps the statistics exact without transactions (dynalite has none, and DynamoDB's
 * would cap a change at 100 items). Per entity, a record holds the contribution already
 * applied. To move to a new contribution:
 *   1. the record is written with `pending` = target and seq + 1 (conditional on seq);
 *   2. each bucket gets `target − applied` and a mark `(entity, seq)` in one conditional
 *      update, so a bucket that already has the mark is skipped;
 *   3. the record becomes `applied` = target; 4. marks are cleared.
 * A crash anywhere is finished by the next delivery (it resumes the pending step), a
 * replay finds nothing to change, and two consumers cannot both move one entity (seq).
 * Months before the current one are final: a later change or deletion of the entity
 * does not rewrite history, it only changes the current month and the "now" bucket. The
 * record of an entity that no longer exists is deleted once its change is applied.
 */

import type { ContributionRecord, StatisticsStore } from '../../ports/statistics';
import { StaleWriteError } from '../../ports/store';
import { bucketKey, type EntityKey, mark, nowBucket } from './codes';
import type { Contribution, ContributionWindow, Counts, EntityContribution } from './contributions';
import { addMonths, type Month } from './months';

/** How an entity contributes, from its current state; undefined when it no longer exists. */
export type ContributionOf = ((window: ContributionWindow) => EntityContribution) | undefined;

const maxAttributesPerWrite = 80;

export async function reconcile(
  store: StatisticsStore,
  entityKey: EntityKey,
  contributionOf: ContributionOf,
  current: Month,
): Promise<'unchanged' | 'applied'> {
  let record = await store.record(entityKey);
  if (record?.pending) record = await finish(store, record, record.pending);

  const final = keepFinal(record, current);
  const window: ContributionWindow = {
    from: record ? (record.through < current ? addMonths(record.through, 1) : current) : undefined,
    to: current,
  };
  const fresh = contributionOf?.(window) ?? { contribution: {}, live: false };
  const target = merge(final, fresh.contribution);
  if (!record && Object.keys(target).length === 0 && !fresh.live) return 'unchanged';
  if (record && same(record.applied, target) && record.through === current && record.live === fresh.live) {
    if (!contributionOf) await store.deleteRecord(entityKey, record.seq);
    return 'unchanged';
  }

  const seq = (record?.seq ?? 0) + 1;
  const base = record?.applied ?? {};
  const pending: ContributionRecord = {
    entityKey,
    seq,
    through: current,
    applied: base,
    pending: target,
    live: fresh.live,
  };
  await store.saveRecord(pending, record?.seq);
  await finish(store, pending, target);
  await noteFirstMonth(store, target);
  // A gone entity keeps its history in the buckets; its record (an id) is no longer needed.
  if (!contributionOf) await store.deleteRecord(entityKey, seq);
  return 'applied';
}

/** Months already noted as counted, per store: at most one conditional write per month and process. */
const noted = new WeakMap<StatisticsStore, Set<Month>>();

/** Keeps the platform's first counted month (before it, figures are absent, not zeros). */
async function noteFirstMonth(store: StatisticsStore, contribution: Contribution) {
  const months = Object.keys(contribution)
    .map((key) => bucketKey.decode(key).month)
    .filter((month) => month !== nowBucket)
    .sort();
  const earliest = months[0];
  const seen = noted.get(store) ?? new Set<Month>();
  if (!earliest || seen.has(earliest)) return;
  await store.noteCountedMonth(earliest);
  noted.set(store, seen.add(earliest));
}

async function finish(store: StatisticsStore, record: ContributionRecord, target: Contribution) {
  const changes = difference(record.applied, target);
  await Promise.all(
    changes.map(({ bucket, delta, part }) =>
      store.applyOnce(bucket, delta, mark.encode(record.entityKey, part), record.seq),
    ),
  );
  const done: ContributionRecord = { ...record, applied: target };
  delete done.pending;
  await store.saveRecord(done, record.seq).catch((error) => {
    // Someone else finished this very step: the same target is applied either way.
    if (!(error instanceof StaleWriteError)) throw error;
  });
  await Promise.all(
    changes.map(({ bucket, part }) => store.clearMark(bucket, mark.encode(record.entityKey, part))),
  );
  return { ...done, seq: record.seq };
}

/** Buckets of months before the current one, as last applied: they are history now. */
function keepFinal(record: ContributionRecord | undefined, current: Month): Contribution {
  const final: Contribution = {};
  for (const [bucket, counts] of Object.entries(record?.applied ?? {})) {
    const { month } = bucketKey.decode(bucket);
    if (month !== nowBucket && month < current && month <= (record as ContributionRecord).through)
      final[bucket] = counts;
  }
  return final;
}

function merge(a: Contribution, b: Contribution): Contribution {
  const merged: Contribution = { ...a };
  for (const [bucket, counts] of Object.entries(b)) merged[bucket] = { ...(merged[bucket] ?? {}), ...counts };
  return merged;
}

function same(a: Contribution, b: Contribution) {
  return difference(a, b).length === 0;
}

/** Per bucket, what to add to go from `from` to `to`, split so no single write grows too big. */
export function difference(from: Contribution, to: Contribution) {
  const changes: { bucket: string; delta: Counts; part: number }[] = [];
  const buckets = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  for (const bucket of buckets) {
    const before = from[bucket] ?? {};
    const after = to[bucket] ?? {};
    const attributes = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const delta = attributes
      .map((name) => [name, (after[name] ?? 0) - (before[name] ?? 0)] as const)
      .filter(([, value]) => value !== 0);
    for (let start = 0; start < delta.length; start += maxAttributesPerWrite)
      changes.push({
        bucket,
        delta: Object.fromEntries(delta.slice(start, start + maxAttributesPerWrite)),
        part: changes.length,
      });
  }
  return changes;
}
