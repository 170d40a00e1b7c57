/**
 * `npm run bench:match -- --seekers 100000 --vacancies 200 --out bench/results/match.json`
 *
 * Loads SYNTHETIC seekers (homes weighted by commune population over Pyrénées-Atlantiques
 * and Hautes-Pyrénées, a plausible sector mix) into dynalite on disk (a temporary folder), posts
 * vacancies, and for each vacancy measures the indexed matcher (DynamoDB requests, items
 * read, consumed read capacity, wall time) against a Scan-based baseline, plus the
 * indexed matcher's recall against brute force over all seekers.
 * The Scan baseline reads the whole table each time, so it runs on `--scan-vacancies`
 * of them (default 5): its cost per vacancy does not depend on the vacancy.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { commandLine } from '../infra/cli';
import { localClientConfig, stampedNotSigned } from '../infra/local/dynalite';
import { exposedCollector } from '../infra/local/memory-keeper';
import { prng, syntheticSeeker, syntheticVacancy } from '../infra/local/synthetic';
import { documentClient } from '../shared/adapters/dynamodb/client';
import { newMeter, type QueryMeter } from '../shared/adapters/dynamodb/items';
import { seekerKeys } from '../shared/adapters/dynamodb/keys/seeker-keys';
import { openVacancyLevel, vacancyKeys } from '../shared/adapters/dynamodb/keys/vacancy-keys';
import { dynamoMatchIndex, reachIndexItems } from '../shared/adapters/dynamodb/match-index';
import { estimatorTravelTime } from '../shared/adapters/travel/estimator';
import { cellOf } from '../shared/domain/geo';
import { locateHome, locateSite } from '../shared/domain/locate';
import { evaluateMatch } from '../shared/domain/matching/evaluate';
import { seekerReachKm } from '../shared/domain/matching/lifecycle';
import type { MatchableSeeker, SeekerProfile } from '../shared/domain/seeker';
import type { Vacancy } from '../shared/domain/vacancy';
import { startLocalTable } from '../test/support/local-table';

const cli = commandLine({
  command: 'npm run bench:match --',
  summary:
    'Loads SYNTHETIC seekers into an in-memory dynalite and measures, per vacancy, what the indexed\n' +
    'matcher reads (requests, items, read capacity, time) against a Scan baseline, and its recall\n' +
    'against brute force.',
  options: {
    seekers: { type: 'string', value: 'N', default: '100000', description: 'Seekers to load.' },
    vacancies: { type: 'string', value: 'N', default: '200', description: 'Vacancies to match.' },
    'scan-vacancies': {
      type: 'string',
      value: 'N',
      default: '5',
      description: 'Vacancies measured with the Scan baseline (it reads the whole table each time).',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'Write the results as JSON, e.g. bench/results/match.json.',
    },
  },
  examples: ['npm run bench:match -- --seekers 100000 --vacancies 200 --out bench/results/match.json'],
});
const seekerCount = cli.integer('seekers', 1, 10_000_000);
const vacancyCount = cli.integer('vacancies', 1, 100_000);
const scanVacancies = Math.min(vacancyCount, cli.integer('scan-vacancies', 0, 100_000));
const out = cli.values.out;

function progress(label: string, done: number, total: number) {
  if (!process.stderr.isTTY && done !== total && done % Math.max(1, Math.floor(total / 10)) !== 0) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r${label.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
  );
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
};

const travel = estimatorTravelTime();
async function fitsOf(vacancy: Vacancy, seekers: MatchableSeeker[]) {
  const site = locateSite(vacancy.site);
  const ids: string[] = [];
  for (const seeker of seekers) {
    if (!seeker.sectors.includes(vacancy.sector)) continue;
    const result = await evaluateMatch({ vacancy, site, seeker, home: locateHome(seeker.home) }, travel);
    if (result.fits) ids.push(seeker.id);
  }
  return ids;
}

/** Per-vacancy cost and recall of one matcher. */
function newMeasurements() {
  const m = { items: [] as number[], requests: [] as number[], capacity: [] as number[], ms: [] as number[] };
  let expected = 0;
  let found = 0;
  let itemsRead = 0;
  return {
    get expected() {
      return expected;
    },
    record(meter: QueryMeter, ms: number, matched: string[], truth: string[]) {
      itemsRead += meter.items;
      m.items.push(meter.items);
      m.requests.push(meter.requests);
      m.capacity.push(meter.capacityUnits);
      m.ms.push(ms);
      const got = new Set(matched);
      expected += truth.length;
      found += truth.filter((id) => got.has(id)).length;
    },
    summary: () => ({
      itemsReadPerVacancy: stats(m.items),
      requestsPerVacancy: stats(m.requests),
      readCapacityPerVacancy: stats(m.capacity),
      msPerVacancy: stats(m.ms.map((ms) => Math.round(ms))),
      // Over all vacancies measured: what was read for each seeker that truly fits (1.0 is the floor).
      itemsReadPerTrueMatch: Math.round((itemsRead / Math.max(1, expected)) * 100) / 100,
      recall: expected === 0 ? 1 : found / expected,
    }),
  };
}

async function main() {
  const loadBefore = loadavg().map((x) => Math.round(x * 10) / 10);
  // On disk, as `npm start` keeps it: in memory, the 1.39M items lived in this process's heap
  // (DynamoDB's are in no Lambda's), and each major collection of it took seconds.
  const storeDir = await mkdtemp(join(tmpdir(), 'bassin-match-'));
  const local = await startLocalTable('bassin', { path: join(storeDir, 'dynamodb') });
  // Its own client, retrying: the first run at 1.39M items died on one ECONNRESET (no retry) right after the load.
  const table = {
    doc: documentClient(
      stampedNotSigned(new DynamoDBClient({ ...localClientConfig(local.endpoint), maxAttempts: 8 })),
    ),
    tableName: local.table.tableName,
  };
  const { doc, tableName } = table;
  const next = prng(2026);

  // Load: the profile item and its reach-index items, as the matcher would have written them.
  const seekers: SeekerProfile[] = [];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < seekerCount; i++) {
    const seeker = syntheticSeeker(next, `s${i}`);
    seekers.push(seeker);
    items.push({ ...seekerKeys.profile(seeker.id), entity: seekerKeys.entity, ...seeker });
    if (!seeker.consent.matching) continue;
    items.push(...reachIndexItems(seeker.id, seeker, locateHome(seeker.home).point, seekerReachKm(seeker)));
  }
  const vacancies = Array.from({ length: vacancyCount }, (_, i) => syntheticVacancy(next, `v${i}`));
  for (const vacancy of vacancies)
    items.push({
      ...vacancyKeys.primary(vacancy.id),
      ...vacancyKeys.open(vacancy, cellOf(locateSite(vacancy.site).point, openVacancyLevel)),
      entity: 'Vacancy',
      ...vacancy,
    });
  // Bulk load straight into dynalite's store, a twentieth at a time for the progress line.
  const started = Date.now();
  const slice = Math.ceil(items.length / 20);
  for (let start = 0; start < items.length; start += slice) {
    await local.putItems(items.slice(start, start + slice));
    progress('loading items', Math.min(items.length, start + slice), items.length);
  }
  const loadSeconds = (Date.now() - started) / 1000;
  const tableItems = items.length;
  items.length = 0;

  // Brute force over every seeker: the truth both matchers are judged against, computed once per
  // vacancy, before any matcher is timed (it was timed with it until 2026-12-02).
  const truthOf = new Map<string, string[]>();
  for (const [i, vacancy] of vacancies.entries()) {
    truthOf.set(vacancy.id, await fitsOf(vacancy, seekers));
    progress('brute force', i + 1, vacancies.length);
  }
  const indexed = newMeasurements();
  const collect = exposedCollector();
  for (const [i, vacancy] of vacancies.entries()) {
    const meter = newMeter();
    // Each vacancy starts from a collected heap: a major collection caused by the garbage of
    // the load, the brute force or an earlier vacancy lands in no vacancy's time.
    collect();
    const t0 = performance.now();
    const candidates = await dynamoMatchIndex(table, { meter }).seekersInReach(
      vacancy.sector,
      locateSite(vacancy.site).point,
      vacancy.shifts,
    );
    const matched = await fitsOf(vacancy, candidates);
    const ms = performance.now() - t0;
    indexed.record(meter, ms, matched, truthOf.get(vacancy.id) ?? []);
    progress('indexed matcher', i + 1, vacancies.length);
  }

  const scan = newMeasurements();
  for (const [i, vacancy] of vacancies.slice(0, scanVacancies).entries()) {
    const meter = newMeter();
    const t0 = performance.now();
    const profiles: MatchableSeeker[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(
        new ScanCommand({
          TableName: tableName,
          ExclusiveStartKey: startKey,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      meter.requests++;
      meter.items += page.Count ?? 0;
      meter.capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
      for (const item of page.Items ?? [])
        if (item.entity === seekerKeys.entity && item.consent?.matching) profiles.push(item as SeekerProfile);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    const matched = await fitsOf(vacancy, profiles);
    scan.record(meter, performance.now() - t0, matched, truthOf.get(vacancy.id) ?? []);
    progress('scan baseline', i + 1, scanVacancies);
  }

  const result = {
    seekers: seekerCount,
    vacancies: vacancyCount,
    tableItems,
    // The machine is shared: the 1-, 5- and 15-minute load averages when it started and ended.
    loadAverage: { start: loadBefore, end: loadavg().map((x) => Math.round(x * 10) / 10) },
    loadSeconds,
    matchesPerVacancy: indexed.expected / vacancyCount,
    itemsReadPerTrueMatch: 0,
    itemsReadRatio: 0,
    bestPossibleRatio: 0,
    indexed: indexed.summary(),
    scan: { ...scan.summary(), vacanciesMeasured: scanVacancies },
    synthetic: true,
    machine: `${process.platform} ${process.arch}, Node ${process.version}`,
  };
  const ratio =
    result.scan.itemsReadPerVacancy.median / Math.max(1, result.indexed.itemsReadPerVacancy.median);
  result.itemsReadRatio = Math.round(ratio * 10) / 10;
  result.itemsReadPerTrueMatch = result.indexed.itemsReadPerTrueMatch;
  // Reading only the true matches is the best any index could do with recall 1.0.
  result.bestPossibleRatio =
    Math.round((result.scan.itemsReadPerVacancy.median / Math.max(1, result.matchesPerVacancy)) * 10) / 10;
  console.table({
    indexed: {
      'items read (median)': result.indexed.itemsReadPerVacancy.median,
      'items read (p95)': result.indexed.itemsReadPerVacancy.p95,
      'requests (median)': result.indexed.requestsPerVacancy.median,
      'RCU (median)': result.indexed.readCapacityPerVacancy.median,
      'ms (median)': result.indexed.msPerVacancy.median,
      'ms (p95)': result.indexed.msPerVacancy.p95,
    },
    scan: {
      'items read (median)': result.scan.itemsReadPerVacancy.median,
      'items read (p95)': result.scan.itemsReadPerVacancy.p95,
      'requests (median)': result.scan.requestsPerVacancy.median,
      'RCU (median)': result.scan.readCapacityPerVacancy.median,
      'ms (median)': result.scan.msPerVacancy.median,
      'ms (p95)': result.scan.msPerVacancy.p95,
    },
  });
  console.log(
    `recall ${result.indexed.recall.toFixed(4)}; ${result.indexed.itemsReadPerTrueMatch} items read per true match; ${result.itemsReadRatio}× fewer items read than the scan ` +
      `(reading only the ${result.matchesPerVacancy.toFixed(1)} true matches per vacancy would be ${result.bestPossibleRatio}×)`,
  );
  if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  await local.stop();
  await rm(storeDir, { recursive: true, force: true });
  return result;
}

export const benchmark = main;
if (import.meta.url === `file://${process.argv[1]}`) await main();
