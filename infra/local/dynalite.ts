import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  type AttributeValue,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { tableDesign } from '../../shared/adapters/dynamodb/table-design';
import { closeDynaliteIterators } from './dynalite-iterators';

type Image = Record<string, AttributeValue>;

export interface LocalDynamo {
  endpoint: string;
  /** Reads an item straight from dynalite's store, in this process (no HTTP, no SDK). */
  readItem(tableName: string, key: Image): Promise<Image | undefined>;
  stop(): Promise<void>;
}

/** The parts of dynalite's store (db/index.js) the in-process reader uses. */
interface DynaliteStore {
  getTable(name: string, checkStatus: boolean, cb: (error: Error | null, table: unknown) => void): void;
  getItemDb(name: string): { get(key: string, cb: (error: Error | null, item?: Image) => void): void };
}
interface DynaliteDb {
  create(options: object): DynaliteStore;
  createKey(key: Image, table: unknown): string;
}

/** dynalite in this process; persistent under `path`, in memory without it. */
export async function startDynalite(options: { path?: string; port?: number } = {}): Promise<LocalDynamo> {
  closeDynaliteIterators();
  // Keep hold of the store dynalite creates, for the change feed's image reads: one
  // GetItem through the SDK and HTTP costs ~50× more CPU than this, on every write.
  const db = createRequire(import.meta.url)('dynalite/db') as DynaliteDb;
  const create = db.create;
  let store: DynaliteStore | undefined;
  db.create = (storeOptions) => {
    store = create(storeOptions);
    return store;
  };
  let server: ReturnType<typeof dynalite>;
  try {
    server = dynalite({
      ...(options.path ? { path: options.path } : {}),
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
    });
  } finally {
    db.create = create;
  }
  const tables = new Map<string, Promise<unknown>>();
  const tableOf = (name: string) => {
    let table = tables.get(name);
    if (!table) {
      table = new Promise((resolve, reject) =>
        (store as DynaliteStore).getTable(name, false, (error, found) =>
          error ? reject(error) : resolve(found),
        ),
      );
      tables.set(name, table);
      table.catch(() => tables.delete(name));
    }
    return table;
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async readItem(tableName, key) {
      const table = await tableOf(tableName);
      return new Promise((resolve, reject) =>
        (store as DynaliteStore)
          .getItemDb(tableName)
          .get(db.createKey(key, table), (error, item) =>
            error && error.name !== 'NotFoundError' ? reject(error) : resolve(error ? undefined : item),
          ),
      );
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

/** Local credentials and region, so the SDK never looks for real ones. */
export const localClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-3',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/** Creates the single table from the shared design unless it exists (data survives restarts). */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  } finally {
    client.destroy();
  }
  const create = new DynamoDBClient(localClientConfig(endpoint));
  const attributes = new Set<string>([tableDesign.partitionKey, tableDesign.sortKey]);
  for (const index of tableDesign.indexes) attributes.add(index.partitionKey).add(index.sortKey);
  await create.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDesign.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  create.destroy();
}
