/**
 * `npm run seed -- --months 36`: fills the local store (.data/, the one `npm start` uses)
 * with SYNTHETIC history for the pilot territory, so that indicators and forecasts show
 * something on a fresh machine (seeding.ts does the work). Run it while `npm start` is
 * stopped (dynalite keeps one process per data directory).
 * Idempotent: a finished seed is recorded and a second run does nothing.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient, type TableClient } from '../../shared/adapters/dynamodb/client';
import { ensureTable, localClientConfig, startDynalite } from './dynalite';
import { seedHistory, seedMarker } from './seeding';

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

async function openStore() {
  if (values.reset) await rm(join(dataDir, 'dynamodb'), { recursive: true, force: true });
  try {
    const dynamo = await startDynalite({ path: join(dataDir, 'dynamodb') });
    await ensureTable(dynamo.endpoint, tableName);
    const base = new DynamoDBClient(localClientConfig(dynamo.endpoint));
    return { dynamo, base, table: { doc: documentClient(base), tableName } as TableClient };
  } catch (error) {
    console.error(
      `Cannot open ${dataDir}: ${(error as Error).message}\nIs \`npm start\` running? Stop it, seed, then start it again.`,
    );
    process.exit(1);
  }
}

const { dynamo, base, table } = await openStore();
const marker = await seedMarker(table);
if (marker?.status === 'done') {
  console.log(`Already seeded (${marker.months} months, finished ${marker.finishedAt}): nothing to do.`);
  console.log('`npm run seed -- --reset` wipes the local store and seeds again.');
  await dynamo.stop();
  process.exit(0);
}
if (marker?.status === 'started') {
  console.error(
    'An earlier seed was interrupted. `npm run seed -- --reset` wipes the local store and seeds again.',
  );
  await dynamo.stop();
  process.exit(1);
}
console.log(`Into ${dataDir}:`);
await seedHistory(table, { months: monthsWanted, seed: Number(values.seed), log: console.log });
base.destroy();
await dynamo.stop();
