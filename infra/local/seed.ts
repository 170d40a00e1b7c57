/**
 * `npm run seed -- --months 36`: fills the local store (.data/, the one `npm start` uses)
 * with SYNTHETIC history for the pilot territory, so that indicators and forecasts show
 * something on a fresh machine. It replays the months in order with a simulated clock and
 * counts them with the same statistics code as the stream consumer (`countEntity`), the
 * monthly roll included, so the figures are what Bassin would have recorded live.
 * Run it while `npm start` is stopped (dynalite keeps one process per data directory).
 * Idempotent: a finished seed is recorded and a second run does nothing.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
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
import { locateHome, locateSite } from '../../shared/domain/locate';
import type { Match } from '../../shared/domain/match';
import {
  buildMatch,
  type MatchingDeps,
  rematchVacancy,
  seekerReachKm,
} from '../../shared/domain/matching/lifecycle';
import { type CountingDeps, countEntity, rollStatistics } from '../../shared/domain/planning/counting';
import { addMonths, monthOf, monthRange } from '../../shared/domain/planning/months';
import { importTimetables } from '../../shared/domain/transit/import';
import { systemClock } from '../../shared/ports/runtime';
import { writeDemoGtfs } from './demo-gtfs';
import { type PlannedSeeker, type PlannedVacancy, planHistory } from './history';
import { openLocalStore } from './local-store';
import { prng } from './synthetic';

const { values } = parseArgs({
  options: {
    months: { type: 'string', default: '36' },
    seed: { type: 'string', default: '2026' },
    reset: { type: 'boolean', default: false },
  },
});
const monthsWanted = Number(values.months);
if (!Number.isInteger(monthsWanted) || monthsWanted < 1 || monthsWanted > 120) {
  console.error('--months must be a whole number from 1 to 120');
  process.exit(2);
}
const dataDir = resolve(process.env.BASSIN_DATA_DIR ?? '.data');
const tableName = 'bassin';
const markerKey = { PK: 'SEED', SK: 'synthetic-history' };

async function openStore() {
  if (values.reset) await rm(join(dataDir, 'dynamodb'), { recursive: true, force: true });
  return openLocalStore(dataDir, tableName);
}

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
const history = planHistory({ months, now: realNow, seed: Number(values.seed) });
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

const inMonth = (iso: string, month: string) =>
  monthOf(iso) === month && Date.parse(iso) <= realNow.getTime();
const monthEnd = (month: string) =>
  new Date(Math.min(realNow.getTime(), Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`) - 1000));
const pickRandom = prng(7);
const active: PlannedSeeker[] = [];
const totals = { matches: 0, accepted: 0 };

/** Matches of a vacancy that closed before today, as the matcher would have made them then. */
async function historicalMatches(planned: PlannedVacancy): Promise<string[]> {
  const { vacancy } = planned;
  const candidates = active.filter(
    (s) =>
      s.profile.sectors.includes(vacancy.sector) &&
      s.profile.createdAt <= vacancy.createdAt &&
      s.leavesAt > vacancy.createdAt,
  );
  const made: string[] = [];
  const site = locateSite(vacancy.site);
  for (let tries = 0; tries < 8 && candidates.length > 0 && made.length < 3; tries++) {
    const [seeker] = candidates.splice(Math.floor(pickRandom() * candidates.length), 1) as [PlannedSeeker];
    const at = new Date(Date.parse(vacancy.createdAt) + 3_600_000 * (1 + Math.floor(pickRandom() * 48)));
    const match = await buildMatch(
      matching,
      { vacancy, site, seeker: seeker.profile, home: locateHome(seeker.profile.home) },
      at.toISOString(),
    );
    if (!match || at.toISOString() >= planned.closesAt) continue;
    const accepted = pickRandom() < 0.3;
    const respondedAt = new Date(
      at.getTime() + 86_400_000 * (1 + Math.floor(pickRandom() * 5)),
    ).toISOString();
    const saved: Match = {
      ...match,
      status: 'withdrawn',
      withdrawnReason: 'the vacancy was closed',
      ...(accepted && respondedAt < planned.closesAt ? { response: 'accepted' as const, respondedAt } : {}),
      updatedAt: planned.closesAt,
    };
    await matches.save(saved);
    made.push(`M#${saved.id}`);
    totals.matches++;
    if (saved.response === 'accepted') totals.accepted++;
  }
  return made;
}

const started = Date.now();
for (const [index, month] of months.entries()) {
  const monthStarted = Date.now();
  simulated = new Date(`${month}-01T00:00:01Z`);
  const rolled = index > 0 ? (await rollStatistics(counting)).counted : 0;
  simulated = monthEnd(month);
  const touched: string[] = [];
  const posted = history.vacancies.filter((p) => inMonth(p.vacancy.createdAt, month));
  const closing = history.vacancies.filter((p) => inMonth(p.closesAt, month));
  const joining = history.seekers.filter((s) => inMonth(s.profile.createdAt, month));
  const leaving = history.seekers.filter((s) => inMonth(s.leavesAt, month));
  await forEachInParallel(posted, 16, async ({ vacancy }) => {
    await vacancies.create(vacancy).catch(() => undefined);
    touched.push(`V#${vacancy.id}`);
  });
  await forEachInParallel(joining, 16, async (seeker) => {
    await seekers.create(seeker.profile).catch(() => undefined);
    active.push(seeker);
    touched.push(`S#${seeker.profile.id}`);
  });
  let made = 0;
  await forEachInParallel(
    posted.filter((p) => Date.parse(p.closesAt) <= realNow.getTime()),
    8,
    async (planned) => {
      const keys = await historicalMatches(planned);
      made += keys.length;
      touched.push(...keys);
    },
  );
  await forEachInParallel(closing, 16, async ({ vacancy, closesAt }) => {
    await vacancies.replace(
      { ...vacancy, status: 'closed', closedAt: closesAt, updatedAt: closesAt, version: 2 },
      1,
    );
    touched.push(`V#${vacancy.id}`);
  });
  await forEachInParallel(leaving, 16, async (seeker) => {
    await seekers.erase(seeker.profile.id);
    await seekers.markErased(seeker.profile.id, new Date(seeker.leavesAt));
    active.splice(active.indexOf(seeker), 1);
    touched.push(`S#${seeker.profile.id}`);
  });
  await forEachInParallel([...new Set(touched)], 32, (key) => countEntity(counting, key));
  console.log(
    `[${String(index + 1).padStart(2)}/${months.length}] ${month}: ${posted.length} vacancies posted, ${closing.length} closed, ` +
      `${joining.length} seekers joined, ${leaving.length} left, ${made} matches; ${rolled} carried over · ${((Date.now() - monthStarted) / 1000).toFixed(1)} s`,
  );
}

// Today: index the active seekers and match the open vacancies as the live matcher does.
simulated = realNow;
await forEachInParallel(active, 16, async ({ profile }) => {
  await matching.index.reindexSeeker(
    profile.id,
    profile,
    locateHome(profile.home).point,
    seekerReachKm(profile),
  );
});
const open = history.vacancies.filter((p) => Date.parse(p.closesAt) > realNow.getTime());
await forEachInParallel(open, 8, async ({ vacancy }) => {
  await rematchVacancy(matching, vacancy.id);
  const current = await matches.activeForVacancy(vacancy.id);
  for (const match of current) await countEntity(counting, `M#${match.id}`);
  totals.matches += current.length;
});
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
    `${history.seekers.length} seekers (${active.length} active now), ${totals.matches} matches (${totals.accepted} accepted in the past). All SYNTHETIC.`,
);
await store.close();
