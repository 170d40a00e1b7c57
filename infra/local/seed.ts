/**
 * `npm run seed -- --months 36`: fills the local store (.data/, the one `npm start` uses)
 * with SYNTHETIC history for the pilot territory, so that indicators and forecasts show
 * something on a fresh machine (seeding.ts does the work, with the same code the first
 * `npm start`'s demo uses). Run it while `npm start` is stopped (dynalite keeps one process
 * per data directory). Idempotent: a finished seed is recorded and a second run does nothing.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openLocalStore } from './local-store';
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

if (values.reset) await rm(join(dataDir, 'dynamodb'), { recursive: true, force: true });
const store = await openLocalStore(dataDir, tableName);
const marker = await seedMarker(store.table);
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
await seedHistory(store.table, {
  dataDir,
  months: monthsWanted,
  seed: Number(values.seed),
  log: console.log,
});
await store.close();
