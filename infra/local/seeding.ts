/**
 * SYNTHETIC history written into a local table, as Bassin would have recorded it live: the
 * months replayed in order with a simulated clock, matches made with the live scoring code,
 * everything counted with the statistics consumer's code (`countEntity`), the monthly roll
 * included. `npm run seed` (seed.ts) calls it at full scale; the first `npm start` on an
 * empty data folder calls it at a small scale (demo.ts). The table's client must not feed
 * the change feed: this code counts and matches by itself.
 */
import { join } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TableClient } from '../../shared/adapters/dynamodb/client';
import { putItems } from '../../shared/adapters/dynamodb/items';
import { dynamoMatchIndex, reachIndexItems } from '../../shared/adapters/dynamodb/match-index';
import { dynamoMatchStore, matchItem } from '../../shared/adapters/dynamodb/match-store';
import { dynamoSeekerStore, seekerItem } from '../../shared/adapters/dynamodb/seeker-store';
import { dynamoTimetableStore } from '../../shared/adapters/dynamodb/timetable-store';
import { dynamoVacancyStore, vacancyItem } from '../../shared/adapters/dynamodb/vacancy-store';
import { openGtfsZip } from '../../shared/adapters/gtfs/zip-feed';
import { estimatorTravelTime } from '../../shared/adapters/travel/estimator';
import { timetableTravelTime } from '../../shared/adapters/travel/timetable';
import { forEachInParallel } from '../../shared/domain/concurrency';
import { distanceKm } from '../../shared/domain/geo';
import { locateHome, locateSite } from '../../shared/domain/locate';
import type { Match } from '../../shared/domain/match';
import { buildMatch, type MatchingDeps, seekerReachKm } from '../../shared/domain/matching/lifecycle';
import { type EntityKey, entityKey } from '../../shared/domain/planning/codes';
import { type CountingDeps, countEntity, rollStatistics } from '../../shared/domain/planning/counting';
import { addMonths, monthOf, monthRange } from '../../shared/domain/planning/months';
import type { SeekerProfile } from '../../shared/domain/seeker';
import { importTimetables } from '../../shared/domain/transit/import';
import type { Vacancy } from '../../shared/domain/vacancy';
import { systemClock } from '../../shared/ports/runtime';
import { writeDemoGtfs } from './demo-gtfs';
import { type History, planHistory } from './history';
import { memoryStatisticsStore } from './memory-statistics';
import { prng } from './synthetic';

export const seedMarkerKey = { PK: 'SEED', SK: 'synthetic-history' };

/** Accounts to try the demo with (local sign-in): names say SYNTHETIC. */
export interface DemoAccount {
  sub: string;
  name: string;
  role: 'employer' | 'seeker' | 'planner';
}

export async function seedMarker(table: TableClient) {
  return (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: seedMarkerKey }))).Item;
}

export interface SeedOptions {
  /** The data folder: the demo timetable's GTFS file is written there. */
  dataDir: string;
  months: number;
  seed: number;
  /** Share of the full-size history (1: ~140 vacancies and 25–75 new seekers a month). */
  scale?: number;
  log?: (line: string) => void;
  /**
   * How whole items reach the table (matches, statistics): BatchWrites by default; the seed
   * command, which holds the store in its process, puts them straight into dynalite's store.
   */
  putItems?: (items: Record<string, unknown>[]) => Promise<void>;
}

export async function seedHistory(table: TableClient, options: SeedOptions) {
  const { tableName } = table;
  const monthsWanted = options.months;
  const log = options.log ?? (() => undefined);
  const realNow = new Date();
  let simulated = realNow;
  const clock = { now: () => simulated };
  // The SYNTHETIC demo timetable first, so that matches by transit follow its trips.
  const timetables = dynamoTimetableStore(table, systemClock);
  const demoFeed = await openGtfsZip(
    await writeDemoGtfs(join(options.dataDir, 'demo-gtfs-SYNTHETIC.zip'), realNow),
  );
  const { summary: timetable } = await importTimetables({ store: timetables, clock: systemClock }, [
    demoFeed,
  ]);
  demoFeed.close();
  log(
    `SYNTHETIC demo timetable: ${timetable.lines} lines, ${timetable.trips} trips, ${timetable.communes.length} communes served, ` +
      `${timetable.pairs} commute items (representative day ${timetable.date}).`,
  );
  const travel = timetableTravelTime({
    store: timetables,
    fallback: estimatorTravelTime(),
    clock: systemClock,
  });
  const vacancies = dynamoVacancyStore(table);
  const seekers = dynamoSeekerStore(table);
  const matches = dynamoMatchStore(table);
  const matching: MatchingDeps = {
    vacancies,
    seekers,
    matches,
    index: dynamoMatchIndex(table),
    travel,
    clock,
  };
  const current = monthOf(realNow);
  const months = monthRange(addMonths(current, -(monthsWanted - 1)), current);
  const history = planHistory({ months, now: realNow, seed: options.seed, scale: options.scale ?? 1 });
  await table.doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...seedMarkerKey, status: 'started', months: monthsWanted, startedAt: realNow.toISOString() },
    }),
  );
  log(
    `Seeding ${months.length} months of SYNTHETIC history (${months[0]} → ${current}) into ${options.dataDir}: ` +
      `${history.vacancies.length} vacancies, ${history.seekers.length} seekers.`,
  );

  const nowIso = realNow.toISOString();
  const monthEnd = (month: string) =>
    new Date(Math.min(realNow.getTime(), Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`) - 1000));
  const pickRandom = prng(7);
  const totals = { matches: 0, accepted: 0 };
  const hour = 3_600_000;
  const later = (iso: string, from: number, to: number) =>
    new Date(Date.parse(iso) + hour * (from + Math.floor(pickRandom() * (to - from)))).toISOString();

  /** The earlier and the later of two ISO timestamps (they sort as text). */
  const firstOf = (a: string, b: string) => (a < b ? a : b);
  const lastOf = (a: string, b: string) => (a < b ? b : a);

  interface PlannedMatch {
    match: Match;
    /** When the seeker answered, and how. */
    response?: { answer: 'accepted' | 'declined'; at: string };
    /** When it was withdrawn (the vacancy closed); undefined while it lasts. */
    withdrawnAt?: string;
    /** When it ends: withdrawn, or erased with its seeker, or now. */
    endsAt: string;
  }

  /**
   * Every seeker who fits a vacancy while both are there gets the match, at the time the live
   * matcher would have made it (when the later of the two appeared), with the same scoring
   * code; some accept or decline within days. Matches end when the vacancy closes or the
   * seeker leaves (erasure takes them).
   */
  async function planMatches(): Promise<PlannedMatch[]> {
    const planned: PlannedMatch[] = [];
    const reach = new Map(history.seekers.map((s) => [s, seekerReachKm(s.profile)]));
    const homes = new Map(history.seekers.map((s) => [s, locateHome(s.profile.home)]));
    for (const { vacancy, closesAt } of history.vacancies) {
      const site = locateSite(vacancy.site);
      const end = firstOf(closesAt, nowIso);
      const fitting: PlannedMatch[] = [];
      for (const seeker of history.seekers) {
        const { profile, leavesAt } = seeker;
        const home = homes.get(seeker);
        if (
          !home ||
          !profile.sectors.includes(vacancy.sector) ||
          profile.createdAt >= end ||
          leavesAt <= vacancy.createdAt
        )
          continue;
        if (distanceKm(home.point, site.point) > (reach.get(seeker) ?? 0)) continue;
        const at = later(lastOf(profile.createdAt, vacancy.createdAt), 1, 12);
        if (at >= end || at >= leavesAt) continue;
        const match = await buildMatch(matching, { vacancy, site, seeker: profile, home }, at);
        if (!match) continue;
        const endsAt = firstOf(end, leavesAt);
        fitting.push({
          match,
          endsAt,
          ...(closesAt < nowIso && closesAt < leavesAt ? { withdrawnAt: closesAt } : {}),
        });
      }
      // About two answers per opening: most of them yes.
      const answerRate = Math.min(0.5, (2 * vacancy.openings) / Math.max(1, fitting.length));
      for (const entry of fitting) {
        if (pickRandom() >= answerRate) continue;
        const at = later(entry.match.createdAt, 24, 120);
        if (at < entry.endsAt) entry.response = { answer: pickRandom() < 0.7 ? 'accepted' : 'declined', at };
      }
      planned.push(...fitting);
    }
    return planned;
  }

  const plannedMatches = await planMatches();
  log(`Matched as the live matcher would: ${plannedMatches.length} matches over the history.`);

  // The months are replayed in memory: the entities as they stand at the simulated time, and
  // the statistics counted from them by the live code (countEntity, rollStatistics) into a
  // store in memory. The table gets the outcome at the end in one bulk load (BatchWrite,
  // partitions in parallel), item for item what the stores would have written one by one.
  const state = {
    vacancies: new Map<string, Vacancy>(),
    seekers: new Map<string, SeekerProfile>(),
    matches: new Map<string, Match>(),
    matchesOf: new Map<string, string[]>(),
    erased: new Map<string, string>(),
  };
  const statistics = memoryStatisticsStore();
  const counting: CountingDeps = {
    statistics,
    vacancies: { get: async (id) => state.vacancies.get(id) },
    seekers: { get: async (id) => state.seekers.get(id) },
    matches: { get: async (id) => state.matches.get(id) },
    // The synthetic history sends no offers: no wave schedules to count.
    waves: { get: async () => undefined },
    clock,
  };
  const whileActive = (match: Match, change: (match: Match) => Match) => {
    const stored = state.matches.get(match.id);
    if (stored?.status === 'active') state.matches.set(match.id, change(stored));
  };

  /** What happens in a month (up to now), grouped once: `month => items`, in history order. */
  const byMonth = <T>(items: readonly T[], at: (item: T) => string | undefined) => {
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const iso = at(item);
      if (iso === undefined || iso > nowIso) continue;
      const group = groups.get(monthOf(iso)) ?? [];
      group.push(item);
      groups.set(monthOf(iso), group);
    }
    return (month: string) => groups.get(month) ?? [];
  };
  const postedIn = byMonth(history.vacancies, (p) => p.vacancy.createdAt);
  const closingIn = byMonth(history.vacancies, (p) => p.closesAt);
  const joiningIn = byMonth(history.seekers, (s) => s.profile.createdAt);
  const leavingIn = byMonth(history.seekers, (s) => s.leavesAt);
  const madeIn = byMonth(plannedMatches, (p) => p.match.createdAt);
  const answeredIn = byMonth(plannedMatches, (p) => p.response?.at);
  const withdrawnIn = byMonth(plannedMatches, (p) => p.withdrawnAt);

  const started = Date.now();
  for (const [index, month] of months.entries()) {
    const monthStarted = Date.now();
    simulated = new Date(`${month}-01T00:00:01Z`);
    const rolled = index > 0 ? (await rollStatistics(counting)).counted : 0;
    simulated = monthEnd(month);
    const posted = postedIn(month);
    const closing = closingIn(month);
    const joining = joiningIn(month);
    const leaving = leavingIn(month);
    const made = madeIn(month);
    const answered = answeredIn(month);
    const withdrawn = withdrawnIn(month);
    const count = (keys: EntityKey[]) =>
      forEachInParallel([...new Set(keys)], 32, (key) => countEntity(counting, key));

    // What appears and what is answered this month is counted before what ends this month.
    for (const { vacancy } of posted) state.vacancies.set(vacancy.id, vacancy);
    for (const { profile } of joining) state.seekers.set(profile.id, profile);
    for (const { match } of made) {
      state.matches.set(match.id, match);
      const own = state.matchesOf.get(match.seekerId) ?? [];
      own.push(match.id);
      state.matchesOf.set(match.seekerId, own);
    }
    for (const { match, response } of answered) {
      if (!response) continue;
      whileActive(match, (stored) => ({
        ...stored,
        response: response.answer,
        respondedAt: response.at,
        updatedAt: response.at,
        contact: { channel: 'none' },
      }));
      if (response.answer === 'accepted') totals.accepted++;
    }
    await count([
      ...posted.map((p) => entityKey.encode('vacancy', p.vacancy.id)),
      ...joining.map((s) => entityKey.encode('seeker', s.profile.id)),
      ...[...made, ...answered].map((p) => entityKey.encode('match', p.match.id)),
    ]);
    for (const { match, withdrawnAt } of withdrawn)
      whileActive(match, (stored) => ({
        ...stored,
        status: 'withdrawn',
        withdrawnReason: 'match.vacancyClosed',
        updatedAt: withdrawnAt ?? nowIso,
      }));
    for (const { vacancy, closesAt } of closing)
      state.vacancies.set(vacancy.id, {
        ...vacancy,
        status: 'closed',
        closedAt: closesAt,
        updatedAt: closesAt,
        version: 2,
      });
    // Erasure takes the profile and the matches in the seeker's partition; a tombstone stays.
    for (const { profile, leavesAt } of leaving) {
      state.seekers.delete(profile.id);
      for (const id of state.matchesOf.get(profile.id) ?? []) state.matches.delete(id);
      state.erased.set(profile.id, leavesAt);
    }
    await count([
      ...withdrawn.map((p) => entityKey.encode('match', p.match.id)),
      ...closing.map((p) => entityKey.encode('vacancy', p.vacancy.id)),
      ...leaving.map((s) => entityKey.encode('seeker', s.profile.id)),
    ]);
    totals.matches += made.length;
    log(
      `[${String(index + 1).padStart(2)}/${months.length}] ${month}: ${posted.length} vacancies posted, ${closing.length} closed, ` +
        `${joining.length} seekers joined, ${leaving.length} left, ${made.length} matches, ${answered.length} answers; ` +
        `${rolled} carried over · ${((Date.now() - monthStarted) / 1000).toFixed(1)} s`,
    );
  }

  // The outcome into the table: entities through their stores, matches and statistics as whole items.
  const put = options.putItems ?? ((items: Record<string, unknown>[]) => putItems(table, items));
  await loadItems(put, log, 'loaded: vacancies', [...state.vacancies.values()].map(vacancyItem));
  await loadItems(put, log, 'loaded: seekers', [...state.seekers.values()].map(seekerItem));
  const erased = progress(log, "loaded: erased seekers' tombstones", state.erased.size);
  await forEachInParallel([...state.erased], 16, async ([id, at]) => {
    await seekers.markErased(id, new Date(at));
    erased();
  });
  await loadItems(put, log, 'loaded: matches', [...state.matches.values()].map(matchItem));
  await loadItems(put, log, 'loaded: statistics items', statistics.items());

  // Today: the live matcher's index holds every seeker still active, for vacancies posted from now on.
  simulated = realNow;
  const active = history.seekers.filter((s) => s.profile.createdAt <= nowIso && s.leavesAt > nowIso);
  // As the matcher indexes them (rematchSeeker: only those who consent), in one bulk load.
  await loadItems(
    put,
    log,
    'today: reach-index items of active seekers',
    active
      .filter(({ profile }) => profile.consent.matching)
      .flatMap(({ profile }) =>
        reachIndexItems(profile.id, profile, locateHome(profile.home).point, seekerReachKm(profile)),
      ),
  );
  const open = history.vacancies.filter((p) => p.closesAt > nowIso && p.vacancy.createdAt <= nowIso);
  const accounts = demoAccounts(history, plannedMatches, nowIso);
  await table.doc.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...seedMarkerKey,
        status: 'done',
        accounts,
        months: monthsWanted,
        startedAt: realNow.toISOString(),
        finishedAt: new Date().toISOString(),
        vacancies: history.vacancies.length,
        seekers: history.seekers.length,
        matches: totals.matches,
      },
    }),
  );
  log(
    `Done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${history.vacancies.length} vacancies (${open.length} open now), ` +
      `${history.seekers.length} seekers (${active.length} active now), ${totals.matches} matches (${totals.accepted} accepted). All SYNTHETIC.`,
  );
  return {
    accounts,
    vacancies: history.vacancies.length,
    seekers: history.seekers.length,
    matches: totals.matches,
  };
}

/**
 * The demo's accounts: the employer with the most candidates on open vacancies, the seeker
 * with the most open offers, and a planner.
 */
function demoAccounts(
  history: History,
  planned: { match: Match; endsAt: string }[],
  nowIso: string,
): DemoAccount[] {
  const live = planned.filter((p) => p.endsAt >= nowIso && !('withdrawnAt' in p && p.withdrawnAt));
  const most = (key: (m: Match) => string) => {
    const counts = new Map<string, number>();
    for (const { match } of live) counts.set(key(match), (counts.get(key(match)) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const employer = most((m) => m.employerId);
  const seeker = most((m) => m.seekerId);
  const employerName = history.vacancies.find((p) => p.vacancy.owner === employer)?.vacancy.employerName;
  return [
    ...(employer
      ? [{ sub: employer, name: employerName ?? 'Employeur (SYNTHETIC)', role: 'employer' as const }]
      : []),
    ...(seeker
      ? [{ sub: seeker, name: 'Candidate de démonstration (SYNTHETIC)', role: 'seeker' as const }]
      : []),
    { sub: 'demo-planner', name: 'Équipe planification (SYNTHETIC)', role: 'planner' },
  ];
}

/** Puts items in tenths (each a parallel bulk load), logging each tenth. */
async function loadItems(
  put: (items: Record<string, unknown>[]) => Promise<void>,
  log: (line: string) => void,
  label: string,
  items: Record<string, unknown>[],
) {
  const tenth = Math.max(1, Math.ceil(items.length / 10));
  const loaded = progress(log, label, Math.ceil(items.length / tenth));
  for (let start = 0; start < items.length; start += tenth) {
    await put(items.slice(start, start + tenth));
    loaded();
  }
}

/** Logs `label: done/total` at every tenth of the way and at the end, with the time taken. */
function progress(log: (line: string) => void, label: string, total: number) {
  const started = Date.now();
  let done = 0;
  let shown = 0;
  return () => {
    done++;
    const tenth = Math.floor((done * 10) / Math.max(1, total));
    if (tenth === shown && done < total) return;
    shown = tenth;
    log(`      ${label}: ${done}/${total} · ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
}
