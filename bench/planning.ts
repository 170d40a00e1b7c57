/**
 * `npm run bench:planning -- --sizes 2000,20000 --out bench/results/planning.json`
 *
 * For each size N: N SYNTHETIC vacancies and N/2 seekers over the pilot départements,
 * posted over 12 months (half of the vacancies closed after a few weeks), are counted
 * into an in-memory dynalite with the statistics code of the stream consumer. Then every
 * planning query runs for the pilot territory, metered: DynamoDB requests, items read
 * and bytes read. The claim to check: what a query reads depends on the months and cells
 * asked for, not on N.
 */
import { writeFileSync } from 'node:fs';
import { commandLine } from '../infra/cli';
import { prng, syntheticSeeker, syntheticVacancy } from '../infra/local/synthetic';
import type { TableClient } from '../shared/adapters/dynamodb/client';
import { dynamoStatisticsStore } from '../shared/adapters/dynamodb/statistics-store';
import { estimatorTravelTime } from '../shared/adapters/travel/estimator';
import { catchment } from '../shared/domain/planning/catchment';
import { type EntityKey, entityKey } from '../shared/domain/planning/codes';
import { type CountingDeps, countEntity } from '../shared/domain/planning/counting';
import { forecastMetric } from '../shared/domain/planning/forecasting';
import { indicators } from '../shared/domain/planning/indicators';
import { addMonths, monthOf } from '../shared/domain/planning/months';
import { skillsGap } from '../shared/domain/planning/skills-gap';
import type { ReachDeps } from '../shared/domain/planning/sources';
import { tension } from '../shared/domain/planning/tension';
import { startLocalTable } from '../test/support/local-table';
import { fixedClock, memorySeekerStore, memoryVacancyStore } from '../test/support/memory-stores';

const cli = commandLine({
  command: 'npm run bench:planning --',
  summary:
    'For each size N, counts N SYNTHETIC vacancies and N/2 seekers over 12 months into an in-memory\n' +
    'dynalite, then meters every planning query (requests, items and bytes read).',
  options: {
    sizes: { type: 'string', value: 'N,N', default: '2000,20000', description: 'Comma-separated sizes.' },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'Write the results as JSON, e.g. bench/results/planning.json.',
    },
  },
  examples: ['npm run bench:planning -- --sizes 2000,20000 --out bench/results/planning.json'],
});
const sizes = cli.values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 2))
  cli.fail(`--sizes must be whole numbers of at least 2, separated by commas.`);
const out = cli.values.out;
const day = 86_400_000;

interface Meter {
  requests: number;
  items: number;
  bytes: number;
}

/** Counts what every read returns, by wrapping the document client's send. */
function metered(table: TableClient, meter: Meter): TableClient {
  const send = table.doc.send.bind(table.doc);
  const doc = Object.create(table.doc) as TableClient['doc'];
  doc.send = (async (command: { constructor: { name: string } }) => {
    const answer = (await send(command as never)) as Record<string, unknown>;
    const name = command.constructor.name;
    let items: unknown[] = [];
    if (name === 'QueryCommand') items = (answer.Items as unknown[]) ?? [];
    if (name === 'GetCommand') items = answer.Item ? [answer.Item] : [];
    if (name === 'BatchGetCommand')
      items = Object.values((answer.Responses as Record<string, unknown[]>) ?? {}).flat();
    if (/Query|Get/.test(name)) {
      meter.requests++;
      meter.items += items.length;
      meter.bytes += items.reduce<number>((sum, item) => sum + JSON.stringify(item).length, 0);
    }
    return answer;
  }) as never;
  return { doc, tableName: table.tableName };
}

async function load(size: number) {
  const local = await startLocalTable();
  const clock = fixedClock('2026-11-20T10:00:00.000Z');
  const vacancies = memoryVacancyStore();
  const seekers = memorySeekerStore();
  const counting: CountingDeps = {
    statistics: dynamoStatisticsStore(local.table),
    vacancies,
    seekers,
    matches: { get: async () => undefined },
    waves: { get: async () => undefined },
    clock,
  };
  const next = prng(size);
  const keys: EntityKey[] = [];
  for (let i = 0; i < size; i++) {
    const id = `v${i}`;
    const createdAt = new Date(clock.now().getTime() - Math.floor(next() * 360) * day).toISOString();
    const vacancy = { ...syntheticVacancy(next, id), createdAt, updatedAt: createdAt };
    const closedAt = new Date(Date.parse(createdAt) + (5 + Math.floor(next() * 60)) * day);
    if (next() < 0.5 && closedAt < clock.now())
      Object.assign(vacancy, { status: 'closed', closedAt: closedAt.toISOString() });
    vacancies.items.set(id, vacancy);
    keys.push(entityKey.encode('vacancy', id));
  }
  for (let i = 0; i < size / 2; i++) {
    const id = `s${i}`;
    const createdAt = new Date(clock.now().getTime() - Math.floor(next() * 360) * day).toISOString();
    seekers.items.set(id, { ...syntheticSeeker(next, id), createdAt, updatedAt: createdAt });
    keys.push(entityKey.encode('seeker', id));
  }
  const started = Date.now();
  let index = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (index < keys.length) {
        await countEntity(counting, keys[index++] as EntityKey);
        if (index % 2000 === 0) process.stderr.write(`\rcounted ${index}/${keys.length}`);
      }
    }),
  );
  process.stderr.write(
    `\rcounted ${keys.length} entities in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  return { local, clock };
}

const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  const { local, clock } = await load(size);
  const month = monthOf(clock.now());
  const measure = async (name: string, run: (deps: ReachDeps) => Promise<unknown>) => {
    const meter: Meter = { requests: 0, items: 0, bytes: 0 };
    const deps: ReachDeps = {
      statistics: dynamoStatisticsStore(metered(local.table, meter)),
      areas: { get: async () => undefined, save: async () => undefined, list: async () => [] },
      travel: estimatorTravelTime(),
      clock,
    };
    const started = performance.now();
    await run(deps);
    const row = {
      size,
      query: name,
      ...meter,
      kilobytes: Math.round(meter.bytes / 102.4) / 10,
      ms: Math.round(performance.now() - started),
    };
    results.push(row);
    console.log(JSON.stringify(row));
  };
  const area = 'lacq-pau-tarbes';
  await measure('indicators 12 months', (d) =>
    indicators(d, { area, from: addMonths(month, -11), to: month }),
  );
  await measure('indicators 3 months, aeronautics', (d) =>
    indicators(d, { area, sector: 'aeronautics', from: addMonths(month, -2), to: month }),
  );
  await measure('tension', (d) => tension(d, { area, month }));
  await measure('skills gap', (d) => skillsGap(d, { area, limit: 20 }));
  await measure('catchment 30 min car from Lescar', (d) =>
    catchment(d, { commune: '64335', minutes: 30, mode: 'car', hour: 8 }),
  );
  await measure('forecast vacancies_posted', (d) =>
    forecastMetric(d, { area, metric: 'vacancies_posted', horizon: 12 }),
  );
  await local.stop();
}
if (out)
  writeFileSync(
    out,
    `${JSON.stringify({ sizes, measuredAt: new Date().toISOString(), results }, null, 2)}\n`,
  );
