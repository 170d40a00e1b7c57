/**
 * `npm run seed -- --months 36`: fills the local store (.data/, the one `npm start` uses)
 * with SYNTHETIC history for the pilot territory, so that indicators and forecasts show
 * something on a fresh machine. It replays the months in order with a simulated clock and
 * counts them with the same statistics code as the stream consumer (`countEntity`), the
 * monthly roll included, so the figures are what Bassin would have recorded live.
 * Run it while `npm start` is stopped (dynalite keeps one process per data directory).
 * Idempotent: a finished seed is recorded and a second run does nothing.
 */
import { join, resolve } from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoMatchIndex } from '../../shared/adapters/dynamodb/match-index';
import { dynamoMatchStore } from '../../shared/adapters/dynamodb/match-store';
import { dynamoSeekerStore } from '../../shared/adapters/dynamodb/seeker-store';
import { dynamoStatisticsStore } from '../../shared/adapters/dynamodb/statistics-store';
import { dynamoTimetableStore } from '../../shared/adapters/dynamodb/timetable-store';
import { dynamoVacancyStore } from '../../shared/adapters/dynamodb/vacancy-store';
import { openGtfsZip } from '../../shared/adapters/gtfs/zip-feed';
import { estimatorTravelTime } from '../../shared/adapters/travel/estimator';
import { timetableTravelTime } from '../../shared/adapters/travel/timetable';
import { forEachInParallel } from '../../shared/domain/concurrency';
import { distanceKm } from '../../shared/domain/geo';
import { locateHome, locateSite } from '../../shared/domain/locate';
import type { Match } from '../../shared/domain/match';
import { buildMatch, type MatchingDeps, seekerReachKm } from '../../shared/domain/matching/lifecycle';
import { type CountingDeps, countEntity, rollStatistics } from '../../shared/domain/planning/counting';
import { addMonths, monthOf, monthRange } from '../../shared/domain/planning/months';
import { importTimetables } from '../../shared/domain/transit/import';
import { systemClock } from '../../shared/ports/runtime';
import { commandLine } from '../cli';
import { writeDemoGtfs } from './demo-gtfs';
import { planHistory } from './history';
import { openLocalStore } from './local-store';
import { prng } from './synthetic';

const cli = commandLine({
  command: 'npm run seed --',
  summary:
    'Fills the local store (the .data/ folder `npm start` uses, or BASSIN_DATA_DIR) with SYNTHETIC\n' +
    'history for the pilot territory, counted by the same code as the live statistics.\n' +
    'Run it while `npm start` is stopped. A finished seed is recorded: a second run does nothing.\n' +
    'Exit codes: 0 seeded (or already seeded), 1 failed or interrupted earlier, 2 bad command line,\n' +
    '75 the data folder is in use (stop `npm start`, then run it again).',
  options: {
    months: { type: 'string', value: 'N', default: '36', description: 'Months of history, 1 to 120.' },
    seed: {
      type: 'string',
      value: 'N',
      default: '2026',
      description: 'Random seed (same seed, same history).',
    },
    reset: { type: 'boolean', description: 'Wipe the local store first, then seed again.' },
  },
  examples: ['npm run seed -- --months 36', 'npm run seed -- --reset --months 12'],
});
const reset = cli.values.reset === true;
const monthsWanted = cli.integer('months', 1, 120);
const randomSeed = cli.integer('seed', 0, 2 ** 31 - 1);
const dataDir = resolve(process.env.BASSIN_DATA_DIR ?? '.data');
const tableName = 'bassin';
const markerKey = { PK: 'SEED', SK: 'synthetic-history' };

const openStore = () => openLocalStore(dataDir, tableName, { reset });

const store = await openStore();
const { table } = store;
const marker = (await table.doc.send(new GetCommand({ TableName: tableName, Key: markerKey }))).Item;
if (marker?.status === 'done') {
  console.log(`Already seeded (${marker.months} months, finished ${marker.finishedAt}): nothing to do.`);
  console.log('`npm run seed -- --reset` wipes the local store and seeds again.');
  await store.close();
  process.exit(0);
}
if (marker?.status === 'started') {
  console.error(
    'An earlier seed was interrupted. `npm run seed -- --reset` wipes the local store and seeds again.',
  );
  await store.close();
  process.exit(1);
}

const realNow = new Date();
let simulated = realNow;
const clock = { now: () => simulated };
// The SYNTHETIC demo timetable first, so that matches by transit follow its trips.
const timetables = dynamoTimetableStore(table, systemClock);
const demoFeed = await openGtfsZip(await writeDemoGtfs(join(dataDir, 'demo-gtfs-SYNTHETIC.zip'), realNow));
const { summary: timetable } = await importTimetables({ store: timetables, clock: systemClock }, [demoFeed]);
demoFeed.close();
console.log(
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
const matching: MatchingDeps = { vacancies, seekers, matches, index: dynamoMatchIndex(table), travel, clock };
const counting: CountingDeps = {
  statistics: dynamoStatisticsStore(table),
  vacancies,
  seekers,
  matches,
  clock,
};

const current = monthOf(realNow);
const months = monthRange(addMonths(current, -(monthsWanted - 1)), current);
const history = planHistory({ months, now: realNow, seed: randomSeed });
await table.doc.send(
  new PutCommand({
    TableName: tableName,
    Item: { ...markerKey, status: 'started', months: monthsWanted, startedAt: realNow.toISOString() },
  }),
);
console.log(
  `Seeding ${months.length} months of SYNTHETIC history (${months[0]} → ${current}) into ${dataDir}: ` +
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
console.log(`Matched as the live matcher would: ${plannedMatches.length} matches over the history.`);

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
  const count = (keys: string[]) =>
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
    ...posted.map((p) => `V#${p.vacancy.id}`),
    ...joining.map((s) => `S#${s.profile.id}`),
    ...[...made, ...answered].map((p) => `M#${p.match.id}`),
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
    ...withdrawn.map((p) => `M#${p.match.id}`),
    ...closing.map((p) => `V#${p.vacancy.id}`),
    ...leaving.map((s) => `S#${s.profile.id}`),
  ]);
  totals.matches += made.length;
  console.log(
    `[${String(index + 1).padStart(2)}/${months.length}] ${month}: ${posted.length} vacancies posted, ${closing.length} closed, ` +
      `${joining.length} seekers joined, ${leaving.length} left, ${made.length} matches, ${answered.length} answers; ` +
      `${rolled} carried over · ${((Date.now() - monthStarted) / 1000).toFixed(1)} s`,
  );
}

/** Prints `label: done/total` at every tenth of the way and at the end, with the time taken. */
function progress(label: string, total: number) {
  const started = Date.now();
  let done = 0;
  let shown = 0;
  return () => {
    done++;
    const tenth = Math.floor((done * 10) / Math.max(1, total));
    if (tenth === shown && done < total) return;
    shown = tenth;
    console.log(`      ${label}: ${done}/${total} · ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
}

// Today: the live matcher's index holds every seeker still active, for vacancies posted from now on.
simulated = realNow;
const active = history.seekers.filter((s) => s.profile.createdAt <= nowIso && s.leavesAt > nowIso);
const indexed = progress('today: active seekers indexed for matching', active.length);
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
await table.doc.send(
  new PutCommand({
    TableName: tableName,
    Item: {
      ...markerKey,
      status: 'done',
      months: monthsWanted,
      startedAt: realNow.toISOString(),
      finishedAt: new Date().toISOString(),
      vacancies: history.vacancies.length,
      seekers: history.seekers.length,
      matches: totals.matches,
    },
  }),
);
console.log(
  `Done in ${((Date.now() - started) / 1000).toFixed(0)} s: ${history.vacancies.length} vacancies (${open.length} open now), ` +
    `${history.seekers.length} seekers (${active.length} active now), ${totals.matches} matches (${totals.accepted} accepted). All SYNTHETIC.`,
);
await store.close();
