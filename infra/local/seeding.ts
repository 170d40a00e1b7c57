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
import { dynamoMatchIndex } from '../../shared/adapters/dynamodb/match-index';
import { dynamoMatchStore } from '../../shared/adapters/dynamodb/match-store';
import { dynamoSeekerStore } from '../../shared/adapters/dynamodb/seeker-store';
import { dynamoStatisticsStore } from '../../shared/adapters/dynamodb/statistics-store';
import { dynamoTimetableStore } from '../../shared/adapters/dynamodb/timetable-store';
import { dynamoVacancyStore } from '../../shared/adapters/dynamodb/vacancy-store';
import { dynamoWaveStore } from '../../shared/adapters/dynamodb/wave-store';
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
import { importTimetables } from '../../shared/domain/transit/import';
import { systemClock } from '../../shared/ports/runtime';
import { writeDemoGtfs } from './demo-gtfs';
import { type History, planHistory } from './history';
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
  const counting: CountingDeps = {
    statistics: dynamoStatisticsStore(table),
    vacancies,
    seekers,
    matches,
    waves: dynamoWaveStore(table),
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
  const inMonth = (iso: string, month: string) => monthOf(iso) === month && iso <= nowIso;
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

  const started = Date.now();
  for (const [index, month] of months.entries()) {
    const monthStarted = Date.now();
    simulated = new Date(`${month}-01T00:00:01Z`);
    const rolled = index > 0 ? (await rollStatistics(counting)).counted : 0;
    simulated = monthEnd(month);
    const posted = history.vacancies.filter((p) => inMonth(p.vacancy.createdAt, month));
    const closing = history.vacancies.filter((p) => inMonth(p.closesAt, month));
    const joining = history.seekers.filter((s) => inMonth(s.profile.createdAt, month));
    const leaving = history.seekers.filter((s) => inMonth(s.leavesAt, month));
    const made = plannedMatches.filter((p) => inMonth(p.match.createdAt, month));
    const answered = plannedMatches.filter((p) => p.response && inMonth(p.response.at, month));
    const withdrawn = plannedMatches.filter((p) => p.withdrawnAt && inMonth(p.withdrawnAt, month));
    const count = (keys: EntityKey[]) =>
      forEachInParallel([...new Set(keys)], 32, (key) => countEntity(counting, key));

    // What appears and what is answered this month is counted before what ends this month.
    await forEachInParallel(posted, 16, ({ vacancy }) => vacancies.create(vacancy).catch(() => undefined));
    await forEachInParallel(joining, 16, (seeker) => seekers.create(seeker.profile).catch(() => undefined));
    await forEachInParallel(made, 16, ({ match }) => matches.save(match));
    await forEachInParallel(answered, 16, async ({ match, response }) => {
      if (!response) return;
      await matches.respond(match, response.answer, { channel: 'none' }, response.at);
      if (response.answer === 'accepted') totals.accepted++;
    });
    await count([
      ...posted.map((p) => entityKey.encode('vacancy', p.vacancy.id)),
      ...joining.map((s) => entityKey.encode('seeker', s.profile.id)),
      ...[...made, ...answered].map((p) => entityKey.encode('match', p.match.id)),
    ]);
    await forEachInParallel(withdrawn, 16, ({ match, withdrawnAt }) =>
      matches.withdraw(match, 'match.vacancyClosed', withdrawnAt ?? nowIso),
    );
    await forEachInParallel(closing, 16, ({ vacancy, closesAt }) =>
      vacancies.replace(
        { ...vacancy, status: 'closed', closedAt: closesAt, updatedAt: closesAt, version: 2 },
        1,
      ),
    );
    await forEachInParallel(leaving, 16, async (seeker) => {
      await seekers.erase(seeker.profile.id);
      await seekers.markErased(seeker.profile.id, new Date(seeker.leavesAt));
    });
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

  // Today: the live matcher's index holds every seeker still active, for vacancies posted from now on.
  simulated = realNow;
  const active = history.seekers.filter((s) => s.profile.createdAt <= nowIso && s.leavesAt > nowIso);
  const indexed = progress(log, 'today: active seekers indexed for matching', active.length);
  await forEachInParallel(active, 16, async ({ profile }) => {
    await matching.index.reindexSeeker(
      profile.id,
      profile,
      locateHome(profile.home).point,
      seekerReachKm(profile),
    );
    indexed();
  });
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
