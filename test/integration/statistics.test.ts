import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prng, syntheticSeeker, syntheticVacancy } from '../../infra/local/synthetic';
import { dynamoStatisticsStore } from '../../shared/adapters/dynamodb/statistics-store';
import type { Match } from '../../shared/domain/match';
import { bucketKey, type EntityKey, entityKey } from '../../shared/domain/planning/codes';
import {
  type Contribution,
  matchContribution,
  seekerContribution,
  vacancyContribution,
} from '../../shared/domain/planning/contributions';
import { type CountingDeps, countEntity, rollStatistics } from '../../shared/domain/planning/counting';
import { addMonths, monthOf } from '../../shared/domain/planning/months';
import type { StatisticsStore } from '../../shared/ports/statistics';
import { startLocalTable } from '../support/local-table';
import { fixedClock, memorySeekerStore, memoryVacancyStore } from '../support/memory-stores';

// One dynalite per test: the monthly roll lists every live record of its table.
let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeEach(async () => {
  local = await startLocalTable();
});
afterEach(() => local?.stop());

const day = 86_400_000;

/** A world of entities with histories over the last months, in memory; buckets in dynalite. */
function world(seed: number, statistics: StatisticsStore) {
  const next = prng(seed);
  const clock = fixedClock('2026-11-20T10:00:00.000Z');
  const vacancies = memoryVacancyStore();
  const seekers = memorySeekerStore();
  const matches = new Map<string, Match>();
  const keys: EntityKey[] = [];
  for (let i = 0; i < 40; i++) {
    const id = `v-${seed}-${i}`;
    const created = new Date(clock.now().getTime() - Math.floor(next() * 200) * day).toISOString();
    const vacancy = { ...syntheticVacancy(next, id), createdAt: created, updatedAt: created };
    if (next() < 0.5) {
      const closedAt = new Date(Date.parse(created) + Math.floor(next() * 90) * day);
      if (closedAt < clock.now())
        Object.assign(vacancy, { status: 'closed', closedAt: closedAt.toISOString() });
    }
    vacancies.items.set(id, vacancy);
    keys.push(entityKey.encode('vacancy', id));
  }
  for (let i = 0; i < 30; i++) {
    const id = `s-${seed}-${i}`;
    const created = new Date(clock.now().getTime() - Math.floor(next() * 200) * day).toISOString();
    seekers.items.set(id, { ...syntheticSeeker(next, id), createdAt: created, updatedAt: created });
    keys.push(entityKey.encode('seeker', id));
  }
  for (let i = 0; i < 20; i++) {
    const vacancy = vacancies.items.get(`v-${seed}-${i}`);
    if (!vacancy) continue;
    const id = `m-${seed}-${i}`;
    const accepted = next() < 0.4;
    matches.set(id, {
      id,
      vacancy: {
        sector: vacancy.sector,
        occupation: vacancy.occupation,
        commune: { code: vacancy.site.commune },
      },
      createdAt: vacancy.createdAt,
      response: accepted ? 'accepted' : 'pending',
      ...(accepted ? { respondedAt: new Date(Date.parse(vacancy.createdAt) + 2 * day).toISOString() } : {}),
    } as unknown as Match);
    keys.push(entityKey.encode('match', id));
  }
  const deps: CountingDeps = {
    statistics,
    vacancies,
    seekers,
    matches: { get: async (id) => matches.get(id) },
    clock,
  };
  return { deps, keys, vacancies, seekers, matches, clock };
}

/** What the buckets must hold: every entity's contribution computed from scratch, added up. */
function expected(w: ReturnType<typeof world>): Contribution {
  const to = monthOf(w.clock.now());
  const total: Contribution = {};
  const parts = [
    ...[...w.vacancies.items.values()].map((v) => vacancyContribution(v, { from: undefined, to })),
    ...[...w.seekers.items.values()].map((s) => seekerContribution(s, { from: undefined, to })),
    ...[...w.matches.values()].map((m) => matchContribution(m, { from: undefined, to })),
  ];
  for (const { contribution } of parts)
    for (const [bucket, counts] of Object.entries(contribution)) {
      const sum = total[bucket] ?? {};
      for (const [name, value] of Object.entries(counts)) sum[name] = (sum[name] ?? 0) + value;
      total[bucket] = sum;
    }
  return total;
}

/** Reads back every bucket the expectation names (and drops zero counters, as absent). */
async function stored(statistics: StatisticsStore, buckets: string[]): Promise<Contribution> {
  const result: Contribution = {};
  for (const key of buckets) {
    const { unit, month } = bucketKey.decode(key);
    const [counts] = await statistics.bucketsOf([unit], month);
    const nonZero = Object.fromEntries(Object.entries(counts ?? {}).filter(([, v]) => v !== 0));
    if (Object.keys(nonZero).length) result[key] = nonZero;
  }
  return result;
}

const countAll = (w: ReturnType<typeof world>, keys = w.keys) =>
  Promise.all(keys.map((key) => countEntity(w.deps, key)));

describe('monthly aggregates are exact under replays (dynalite, no transactions)', () => {
  it('the same batch processed twice, or all records replayed in reverse, leaves every figure unchanged', async () => {
    const w = world(1, dynamoStatisticsStore(local.table));
    await countAll(w);
    const want = expected(w);
    expect(Object.keys(want).length).toBeGreaterThan(20);
    const first = await stored(w.deps.statistics, Object.keys(want));
    expect(first).toEqual(want);

    const results = await countAll(w);
    expect(new Set(results)).toEqual(new Set(['unchanged']));
    await countAll(w, [...w.keys].reverse());
    expect(await stored(w.deps.statistics, Object.keys(want))).toEqual(want);
  });

  it('a consumer that crashes half-way through a change is finished by the redelivery, counting once', async () => {
    const real = dynamoStatisticsStore(local.table);
    let budget = Number.POSITIVE_INFINITY;
    const crashing: StatisticsStore = {
      ...real,
      async applyOnce(...args) {
        if (budget-- <= 0) throw new Error('crash');
        // Some writes land, then the process dies before answering.
        await real.applyOnce(...args);
        if (budget === 1) throw new Error('crash after write');
      },
    };
    const w = world(2, crashing);
    await countAll(w);
    // Every open vacancy closes now and every seeker changes skills: changes of the current month and the "now" bucket.
    for (const vacancy of w.vacancies.items.values())
      if (vacancy.status === 'open')
        Object.assign(vacancy, {
          status: 'closed',
          closedAt: w.clock.now().toISOString(),
          version: vacancy.version + 1,
        });
    for (const seeker of w.seekers.items.values())
      seeker.skills = [{ label: 'HACCP' }, { label: 'cariste' }, { label: 'soudage TIG' }];
    for (const key of w.keys) {
      budget = 3;
      await countEntity(w.deps, key).catch(() => undefined);
      budget = Number.POSITIVE_INFINITY;
      await countEntity(w.deps, key); // the redelivery
      await countEntity(w.deps, key); // and a replay
    }
    const want = expected(w);
    expect(await stored(real, Object.keys(want))).toEqual(want);
  });

  it('past months stay as counted; the new month starts from the current state; erasure keeps history', async () => {
    const statistics = dynamoStatisticsStore(local.table);
    const w = world(3, statistics);
    await countAll(w);
    const lastMonth = monthOf(w.clock.now());
    const before = await stored(statistics, Object.keys(expected(w)));

    w.clock.advance(15 * day); // into the next month
    const month = addMonths(lastMonth, 1);
    expect(monthOf(w.clock.now())).toBe(month);
    const rolled = await rollStatistics(w.deps);
    const live =
      [...w.vacancies.items.values()].filter((v) => v.status === 'open').length +
      [...w.seekers.items.values()].filter((s) => s.consent.statistics).length;
    expect(rolled.counted).toBe(live);
    const seeker = [...w.seekers.items.values()].find((s) => s.consent.statistics) as {
      id: string;
      home: { commune: string };
    };
    w.seekers.items.delete(seeker.id);
    await countEntity(w.deps, entityKey.encode('seeker', seeker.id));

    // Every bucket of earlier months is exactly as it was.
    const past = Object.keys(before).filter((key) => bucketKey.decode(key).month <= lastMonth);
    expect(await stored(statistics, past)).toEqual(Object.fromEntries(past.map((k) => [k, before[k]])));
    // The new month counts open vacancies and remaining active seekers only.
    const now = expected(w);
    const current = Object.keys(now).filter((key) => bucketKey.decode(key).month === month);
    expect(current.length).toBeGreaterThan(0);
    expect(await stored(statistics, current)).toEqual(Object.fromEntries(current.map((k) => [k, now[k]])));
    // The erased person's record is gone; replaying their events recreates nothing.
    expect(await statistics.record(entityKey.encode('seeker', seeker.id))).toBeUndefined();
    expect(await countEntity(w.deps, entityKey.encode('seeker', seeker.id))).toBe('unchanged');
  });
});
