/**
 * `npm run seed -- --months 36`: fills the local store (.data/, the one `npm start` uses)
 * with SYNTHETIC history for the pilot territory, so that indicators and forecasts show
 * something on a fresh machine (seeding.ts does the work, with the same code the first
 * `npm start`'s demo uses). Run it while `npm start` is stopped (dynalite keeps one process
 * per data directory). Idempotent: a finished seed is recorded and a second run does nothing.
 */
import { resolve } from 'node:path';
import { commandLine } from '../cli';
import { openLocalStore } from './local-store';
import { seedHistory, seedMarker } from './seeding';

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

const store = await openLocalStore(dataDir, tableName, { reset });
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
  seed: randomSeed,
  log: console.log,
  putItems: store.putItems,
});
await store.close();
