import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  type AttributeValue,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ResourceNotFoundException,
  type ServiceInputTypes,
  type ServiceOutputTypes,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import dynalite from 'dynalite';
import { Level } from 'level';
import { seekerReachKeys } from '../../shared/adapters/dynamodb/keys/seeker-reach-keys';
import { tableDesign } from '../../shared/adapters/dynamodb/table-design';
import { closeDynaliteIterators } from './dynalite-iterators';

type Image = Record<string, AttributeValue>;

export interface LocalDynamo {
  endpoint: string;
  /** Reads an item straight from dynalite's store, in this process (no HTTP, no SDK). */
  readItem(tableName: string, key: Image): Promise<Image | undefined>;
  /**
   * Bulk load: puts whole items (no condition) straight into dynalite's store with its own
   * key and index functions, 500 to a LevelDB batch: what BatchWrites do, without HTTP, the
   * SDK and one LevelDB write per item and index (~10× faster).
   */
  putItems(tableName: string, items: Record<string, unknown>[]): Promise<void>;
  stop(): Promise<void>;
}

/** The parts of dynalite's store (db/index.js) the in-process reader uses. */
interface DynaliteStore {
  getTable(name: string, checkStatus: boolean, cb: (error: Error | null, table: unknown) => void): void;
  getItemDb(name: string): {
    get(key: string, cb: (error: Error | null, item?: Image) => void): void;
    batch: DynaliteBatch;
  };
  getIndexDb(type: 'Local' | 'Global', tableName: string, indexName: string): { batch: DynaliteBatch };
}
type DynaliteBatch = (
  operations: ({ type: 'put'; key: string; value: Image } | { type: 'del'; key: string })[],
  cb: (error: Error | null) => void,
) => void;
interface DynaliteTable {
  LocalSecondaryIndexes?: { IndexName: string }[];
  GlobalSecondaryIndexes?: { IndexName: string }[];
}
interface DynaliteDb {
  create(options: object): DynaliteStore;
  createKey(key: Image, table: unknown): string;
  validateItem(item: Image, table: unknown): { body?: { message?: string } } | null | undefined;
  getIndexActions(
    indexes: unknown[],
    existing: Image | undefined,
    item: Image,
    table: unknown,
  ): { puts: { key: string; item: Image }[]; deletes: { key: string }[] };
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
  // Idle keep-alive sockets outlive the SDK client's, as in runtime.ts: a client never sends on a
  // socket the server is closing (bench:match died twice on that ECONNRESET at 1.39M items).
  server.keepAliveTimeout = 65_000;
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
    async putItems(tableName, items) {
      const dynaliteStore = store as DynaliteStore;
      const table = (await tableOf(tableName)) as DynaliteTable;
      const itemDb = dynaliteStore.getItemDb(tableName);
      const indexes = [
        ...(table.LocalSecondaryIndexes ?? []).map((index) => ['Local', index] as const),
        ...(table.GlobalSecondaryIndexes ?? []).map((index) => ['Global', index] as const),
      ];
      const batch = (db: { batch: DynaliteBatch }, operations: Parameters<DynaliteBatch>[0]) =>
        new Promise<void>((resolve, reject) =>
          operations.length
            ? db.batch(operations, (error) => (error ? reject(error) : resolve()))
            : resolve(),
        );
      for (let start = 0; start < items.length; start += 500) {
        const images = items.slice(start, start + 500).map((item) => {
          const image = marshall(item, { removeUndefinedValues: true });
          const invalid = db.validateItem(image, table);
          if (invalid) throw new Error(invalid.body?.message ?? 'invalid item');
          return { key: db.createKey(image, table), image };
        });
        // What an item replaces leaves the indexes it was in, as PutItem does.
        const existing = await Promise.all(
          images.map(
            ({ key }) =>
              new Promise<Image | undefined>((resolve, reject) =>
                itemDb.get(key, (error, item) =>
                  error && error.name !== 'NotFoundError' ? reject(error) : resolve(error ? undefined : item),
                ),
              ),
          ),
        );
        await Promise.all(
          indexes.map(([type, index]) => {
            const operations: Parameters<DynaliteBatch>[0] = [];
            images.forEach(({ image }, i) => {
              const { puts, deletes } = db.getIndexActions([index], existing[i], image, table);
              for (const { key } of deletes) operations.push({ type: 'del', key });
              for (const { key, item } of puts) operations.push({ type: 'put', key, value: item });
            });
            return batch(dynaliteStore.getIndexDb(type, tableName, index.IndexName), operations);
          }),
        );
        await batch(
          itemDb,
          images.map(({ key, image }) => ({ type: 'put', key, value: image })),
        );
      }
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

/** A client of the local store: local credentials, and requests stamped rather than signed. */
export const localDynamoClient = (endpoint: string) =>
  stampedNotSigned(new DynamoDBClient(localClientConfig(endpoint)));

/**
 * dynalite checks that an Authorization header has the shape of SigV4, never the signature.
 * Computing one (hashing each body, an HMAC chain) is ~15 % of the CPU of a request to it, and
 * the one process that serves the API, runs the consumers and hosts dynalite is CPU-bound when
 * the feed catches up after a burst: locally, a fixed header of the right shape replaces it.
 * The rest of the SDK's path (serializing, retries, parsing) is the one Lambda runs; in AWS
 * every request is signed as usual.
 */
export function stampedNotSigned(client: DynamoDBClient): DynamoDBClient {
  // The functions' shared client outlives a runtime: a second runtime in the process finds it stamped.
  if (client.middlewareStack.identify().some((name) => name.startsWith(stampMiddleware))) return client;
  if (!client.middlewareStack.remove(signingMiddleware))
    throw new Error(`the DynamoDB client has no ${signingMiddleware} to replace`);
  const stamp: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next) => (args) => {
    const request = args.request as { headers: Record<string, string> };
    request.headers['x-amz-date'] = localStamp.date;
    request.headers.authorization = localStamp.authorization;
    return next(args);
  };
  client.middlewareStack.addRelativeTo(stamp, {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: stampMiddleware,
  });
  return client;
}

const signingMiddleware = 'httpSigningMiddleware';
const stampMiddleware = 'localStampMiddleware';
const localStamp = {
  date: '20260101T000000Z',
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20260101/eu-west-3/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=local',
};

/**
 * Creates the single table from the shared design unless it exists (data survives restarts),
 * and returns once it is ACTIVE: dynalite answers a table it is still creating with
 * ResourceNotFound, so a caller that went on at once would fail now and then.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = localDynamoClient(endpoint);
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
    // A new table holds no reach item of an older format: nothing to migrate, nothing to read there.
    if (!exists) {
      const { PK, SK } = seekerReachKeys.migrated;
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: { PK: { S: PK }, SK: { S: SK }, format: { N: String(seekerReachKeys.format) } },
        }),
      );
    }
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
