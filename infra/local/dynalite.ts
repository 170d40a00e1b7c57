import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  type AttributeValue,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { Level } from 'level';
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

/** The data folder is held by another process (LevelDB allows one at a time). */
export class DataFolderInUseError extends Error {
  constructor(readonly path: string) {
    super(`${path} is in use by another Bassin process (\`npm start\` or a seed)`);
  }
}

/**
 * dynalite opens its LevelDB lazily and throws "Database is closed" from inside a request
 * when another process holds the folder's lock; opening it here first turns that into an
 * error the caller can explain.
 */
export async function assertFolderFree(path: string) {
  const db = new Level(path);
  try {
    await db.open();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED') throw new DataFolderInUseError(path);
    throw error;
  }
  await db.close();
}

/** dynalite in this process; persistent under `path`, in memory without it. */
export async function startDynalite(options: { path?: string; port?: number } = {}): Promise<LocalDynamo> {
  if (options.path) await assertFolderFree(options.path);
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

/**
 * Creates the single table from the shared design unless it exists (data survives restarts),
 * and returns once it is ACTIVE: dynalite answers a table it is still creating with
 * ResourceNotFound, so a caller that went on at once would fail now and then.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient(localClientConfig(endpoint));
  try {
    const exists = await client.send(new DescribeTableCommand({ TableName: tableName })).then(
      () => true,
      (error) => {
        if (error instanceof ResourceNotFoundException) return false;
        throw error;
      },
    );
    if (!exists) await client.send(new CreateTableCommand(tableDefinition(tableName)));
    const waited = await waitUntilTableExists(
      { client, minDelay: 0.02, maxDelay: 0.5, maxWaitTime: 30 },
      { TableName: tableName },
    );
    if (waited.state !== 'SUCCESS')
      throw new Error(`table ${tableName} did not become ACTIVE (${waited.state})`);
  } finally {
    client.destroy();
  }
}

function tableDefinition(tableName: string) {
  const attributes = new Set<string>([tableDesign.partitionKey, tableDesign.sortKey]);
  for (const index of tableDesign.indexes) attributes.add(index.partitionKey).add(index.sortKey);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes].map((name) => ({
      AttributeName: name,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: tableDesign.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: tableDesign.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: tableDesign.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
