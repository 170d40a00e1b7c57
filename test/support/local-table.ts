import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable, localClientConfig, startDynalite } from '../../infra/local/dynalite';
import { documentClient, type TableClient } from '../../shared/adapters/dynamodb/client';

/** An in-memory dynalite on a random port with Bassin's table, for integration tests. */
export async function startLocalTable(tableName = 'bassin') {
  const dynamo = await startDynalite();
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
