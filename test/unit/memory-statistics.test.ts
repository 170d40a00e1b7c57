import { describe, expect, it } from 'vitest';
import { memoryStatisticsStore } from '../../infra/local/memory-statistics';
import { statisticsItems } from '../../shared/adapters/dynamodb/statistics-store';
import { bucketKey, entityKey } from '../../shared/domain/planning/codes';
import { reconcile } from '../../shared/domain/planning/reconcile';
import { StaleWriteError } from '../../shared/ports/store';

const v1 = entityKey.encode('vacancy', 'v1');
const record = (seq: number, through: string, live: boolean) => ({
  entityKey: v1,
  seq,
  through,
  applied: {},
  live,
});

describe('the seed’s statistics store in memory keeps the DynamoDB adapter’s contract', () => {
  it('writes a record only at the expected seq, and lists live records under their month', async () => {
    const store = memoryStatisticsStore();
    await store.saveRecord(record(1, '2026-01', true), undefined);
    await expect(store.saveRecord(record(2, '2026-01', true), undefined)).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    await expect(store.saveRecord(record(2, '2026-02', true), 5)).rejects.toBeInstanceOf(StaleWriteError);
    expect(await store.liveThrough('2026-01')).toEqual([v1]);
    await store.saveRecord(record(2, '2026-02', true), 1);
    expect(await store.liveThrough('2026-01')).toEqual([]);
    expect(await store.liveThrough('2026-02')).toEqual([v1]);
    await store.deleteRecord(v1, 1); // not its seq: kept
    expect(await store.record(v1)).toMatchObject({ seq: 2 });
    await store.deleteRecord(v1, 2);
    expect(await store.record(v1)).toBeUndefined();
    expect(await store.liveThrough('2026-02')).toEqual([]);
  });

  it('applies a (mark, seq) once, and reads buckets by unit, month range and unit list', async () => {
    const store = memoryStatisticsStore();
    const january = bucketKey.encode('T#pilot', '2026-01');
    await store.applyOnce(january, { 'vp|agrifood|H2913': 1 }, 'm|V#v1|0', 1);
    await store.applyOnce(january, { 'vp|agrifood|H2913': 1 }, 'm|V#v1|0', 1); // a replay
    await store.applyOnce(january, { 'vp|agrifood|H2913': 2 }, 'm|V#v2|0', 1);
    await store.clearMark(january, 'm|V#v1|0');
    await store.applyOnce(bucketKey.encode('T#pilot', '2026-03'), { 'vp|agrifood|H2913': 5 }, 'm|V#v3|0', 1);
    expect(await store.buckets('T#pilot', '2026-01', '2026-02')).toEqual(
      new Map([['2026-01', { 'vp|agrifood|H2913': 3 }]]),
    );
    expect(await store.bucketsOf(['T#pilot', 'T#other'], '2026-03')).toEqual([
      { 'vp|agrifood|H2913': 5 },
      {},
    ]);
  });

  it('runs the counting code and gives its outcome as the items the DynamoDB adapter writes', async () => {
    const store = memoryStatisticsStore();
    const contribution = { [bucketKey.encode('T#pilot', '2026-01')]: { 'vp|agrifood|H2913': 1 } };
    const of = () => ({ contribution, live: true });
    expect(await reconcile(store, v1, of, '2026-01')).toBe('applied');
    expect(await reconcile(store, v1, of, '2026-01')).toBe('unchanged');
    await store.noteCountedMonth('2026-01');
    await store.noteCountedMonth('2026-03');
    expect(await store.firstMonth()).toBe('2026-01');
    const applied = { entityKey: v1, seq: 1, through: '2026-01', applied: contribution, live: true };
    expect(store.items()).toEqual([
      statisticsItems.record(applied),
      statisticsItems.bucket(bucketKey.encode('T#pilot', '2026-01'), { 'vp|agrifood|H2913': 1 }),
      statisticsItems.start('2026-01'),
    ]);
    expect(statisticsItems.record(applied)).toMatchObject({
      PK: 'STATSRC#V#v1',
      SK: 'RECORD',
      GSI1PK: 'STATLIVE#2026-01',
      GSI1SK: v1,
    });
  });
});
