/**
 * The local runtime as `npm start` runs it (on BASSIN_DATA_DIR, any free port), for crash
 * tests. BASSIN_CRASH_AT kills the process (SIGKILL, no clean-up) at one exact point of
 * the first vacancy POST:
 *  - `vacancy-indexed`: dynalite has written the vacancy's index entries, not the item;
 *  - `vacancy-written`: the vacancy is stored, its stream outcome and idempotency answer are not.
 * BASSIN_FUNCTION_TIMEOUT_MS shortens the functions' deadline, hence how long an
 * Idempotency-Key stays locked by a request that died.
 */
import { createRequire } from 'node:module';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { startLocalRuntime } from '../../infra/local/runtime';
import { sharedDynamoClient } from '../../shared/adapters/dynamodb/client';

type Image = Record<string, AttributeValue>;
const crashAt = process.env.BASSIN_CRASH_AT;
const die = () => process.kill(process.pid, 'SIGKILL');
const isNewVacancy = (item: Image | undefined) => item?.entity?.S === 'Vacancy' && item.version?.N === '1';

if (crashAt === 'vacancy-indexed') {
  const db = createRequire(import.meta.url)('dynalite/db') as {
    updateIndexes: (
      s: unknown,
      t: unknown,
      old: Image | null,
      item: Image | null,
      cb: (e?: Error) => void,
    ) => void;
  };
  const updateIndexes = db.updateIndexes;
  db.updateIndexes = (store, table, old, item, cb) =>
    updateIndexes(store, table, old, item, (error) => {
      if (!error && !old && isNewVacancy(item ?? undefined)) die();
      cb(error);
    });
}

const runtime = await startLocalRuntime({
  dataDir: process.env.BASSIN_DATA_DIR as string,
  port: 0,
  ...(process.env.BASSIN_FUNCTION_TIMEOUT_MS
    ? { functionTimeoutMs: Number(process.env.BASSIN_FUNCTION_TIMEOUT_MS) }
    : {}),
});

if (crashAt === 'vacancy-written') {
  // Inside the change feed's middleware: the write has landed, its outcome is not logged.
  sharedDynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const item = (args.input as { Item?: Image }).Item;
      if (context.commandName === 'PutItemCommand' && isNewVacancy(item)) die();
      return result;
    },
    { step: 'build', priority: 'low', name: 'crashAfterVacancyWrite' },
  );
}

// Signals are handled before the URL is printed: a test stops the process as soon as it reads it.
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void runtime.stop().then(() => process.exit(0)));
console.log(`Bassin is running at ${runtime.url}`);
