import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable, localClientConfig, startDynalite } from '../../infra/local/dynalite';
import { documentClient, type TableClient } from '../../shared/adapters/dynamodb/client';

/** A dynalite on a random port with Bassin's table: in memory for integration tests, or on disk under `path`. */
export async function startLocalTable(tableName = 'bassin', options: { path?: string } = {}) {
  const dynamo = await startDynalite(options);
  await ensureTable(dynamo.endpoint, tableName);
  const base = new DynamoDBClient(localClientConfig(dynamo.endpoint));
  const table: TableClient = { doc: documentClient(base), tableName };
  return {
    table,
    base,
    endpoint: dynamo.endpoint,
    /** Bulk load straight into dynalite's store (see LocalDynamo.putItems). */
    putItems: (items: Record<string, unknown>[]) => dynamo.putItems(tableName, items),
    async stop() {
      base.destroy();
      await dynamo.stop();
    },
  };
}
