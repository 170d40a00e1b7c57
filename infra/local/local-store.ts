/** The local store `npm start` uses (.data/), opened by a command-line tool while `npm start` is stopped. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { documentClient, type TableClient } from '../../shared/adapters/dynamodb/client';
import {
  assertFolderFree,
  DataFolderInUseError,
  ensureTable,
  localDynamoClient,
  startDynalite,
} from './dynalite';

/** Exit code when the data folder is held by `npm start` or another tool: try again later (sysexits EX_TEMPFAIL). */
export const folderInUseExit = 75;

/**
 * Opens the store, or ends the process with a sentence a person can act on: exit 75 when
 * another process holds the folder, 1 for anything else. `reset` wipes it first, but never
 * while another process uses it.
 */
export async function openLocalStore(
  dataDir: string,
  tableName = 'bassin',
  options: { reset?: boolean } = {},
) {
  const path = join(dataDir, 'dynamodb');
  try {
    if (options.reset) {
      await assertFolderFree(path);
      await rm(path, { recursive: true, force: true });
    }
    const dynamo = await startDynalite({ path });
    await ensureTable(dynamo.endpoint, tableName);
    const base = localDynamoClient(dynamo.endpoint);
    const table: TableClient = { doc: documentClient(base), tableName };
    return {
      table,
      /** Bulk load straight into the store (no HTTP): see LocalDynamo.putItems. */
      putItems: (items: Record<string, unknown>[]) => dynamo.putItems(tableName, items),
      async close() {
        base.destroy();
        await dynamo.stop();
      },
    };
  } catch (error) {
    if (error instanceof DataFolderInUseError) {
      console.error(
        `The local store in ${dataDir} is in use: \`npm start\` (or another seed) is running.\n` +
          'Stop it (Ctrl-C in its terminal), run this again, then start it again.',
      );
      process.exit(folderInUseExit);
    }
    console.error(`Cannot open the local store in ${dataDir}: ${(error as Error).message}`);
    process.exit(1);
  }
}
