/** The local store `npm start` uses (.data/), opened by a command-line tool while `npm start` is stopped. */
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient, type TableClient } from '../../shared/adapters/dynamodb/client';
import { ensureTable, localClientConfig, startDynalite } from './dynalite';

export async function openLocalStore(dataDir: string, tableName = 'bassin') {
  try {
    const dynamo = await startDynalite({ path: join(dataDir, 'dynamodb') });
    await ensureTable(dynamo.endpoint, tableName);
    const base = new DynamoDBClient(localClientConfig(dynamo.endpoint));
    const table: TableClient = { doc: documentClient(base), tableName };
    return {
      table,
      async close() {
        base.destroy();
        await dynamo.stop();
      },
    };
  } catch (error) {
    console.error(
      `Cannot open ${dataDir}: ${(error as Error).message}\nIs \`npm start\` running? Stop it, run this, then start it again.`,
    );
    process.exit(1);
  }
}
