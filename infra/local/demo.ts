/**
 * The first `npm start` on an empty data folder: a small SYNTHETIC demo territory (made-up
 * employers with vacancies, seekers, matches, a year of history), so that every page of the
 * web app shows something at once. It calls the same seeding code as `npm run seed`, at a
 * small scale. `BASSIN_DEMO=0` starts empty instead.
 */
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { localDynamoClient } from './dynalite';
import { type DemoAccount, seedHistory, seedMarker } from './seeding';

export const demoScale = { months: 12, scale: 0.08, seed: 2026 };

/** Seeds the demo unless the table was seeded already; answers the demo's accounts. */
export async function ensureDemo(
  endpoint: string,
  tableName: string,
  dataDir: string,
  log: (line: string) => void,
) {
  // A client of its own: the change feed must not replay what the seed counts itself.
  const base = localDynamoClient(endpoint);
  const table = { doc: documentClient(base), tableName };
  try {
    const marker = await seedMarker(table);
    if (marker?.status === 'done') return (marker.accounts as DemoAccount[] | undefined) ?? [];
    const started = Date.now();
    log('Preparing a small SYNTHETIC demo territory (first start; BASSIN_DEMO=0 skips it)…');
    const seeded = await seedHistory(table, {
      ...demoScale,
      dataDir,
      log: process.env.BASSIN_DEMO_TRACE ? log : () => undefined,
    });
    log(
      `Demo ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${seeded.vacancies} vacancies, ` +
        `${seeded.seekers} seekers, ${seeded.matches} matches over ${demoScale.months} months (all SYNTHETIC).`,
    );
    return seeded.accounts;
  } finally {
    base.destroy();
  }
}

/** The demo's accounts, when the store holds a demo (GET /dev/demo). */
export async function demoAccounts(endpoint: string, tableName: string): Promise<DemoAccount[]> {
  const base = localDynamoClient(endpoint);
  try {
    const marker = await seedMarker({ doc: documentClient(base), tableName });
    return marker?.status === 'done' ? ((marker.accounts as DemoAccount[] | undefined) ?? []) : [];
  } finally {
    base.destroy();
  }
}
