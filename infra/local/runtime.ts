import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { sharedDynamoClient } from '../../shared/adapters/dynamodb/client';
import { type StreamConsumerEntry, streamConsumers } from '../consumers';
import { routes } from '../routes';
import { ChangeFeed, type FeedConsumer, type StreamHandler } from './change-feed';
import { devRoutes } from './dev-routes';
import { ensureTable, localClientConfig, startDynalite } from './dynalite';
import { createApiAdapter } from './http-adapter';
import { DevIdentity } from './identity';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface LocalRuntimeOptions {
  /** Where dynalite, the signing key and failure logs live; undefined keeps everything in memory. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  tableName?: string;
  /** Consumers besides those of infra/consumers.ts (tests use this). */
  extraConsumers?: FeedConsumer[];
  /** Stream retry tuning (tests shorten the backoff). */
  feed?: { maxAttempts?: number; backoffMs?: number };
}

export interface LocalRuntime {
  url: string;
  identity: DevIdentity;
  feed: ChangeFeed;
  tableName: string;
  dynamoEndpoint: string;
  stop(): Promise<void>;
}

/**
 * Everything `npm start` runs, in one process: dynalite as DynamoDB, the change feed as
 * DynamoDB Streams, and the route table served over HTTP as API Gateway would.
 * The functions are the same files CDK deploys; they find dynalite through the standard
 * AWS_ENDPOINT_URL_DYNAMODB variable, so no code path differs.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const tableName = options.tableName ?? 'bassin';
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const dynamo = await startDynalite(options.dataDir ? { path: join(options.dataDir, 'dynamodb') } : {});
  await ensureTable(dynamo.endpoint, tableName);

  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'eu-west-3',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });

  const imageReader = new DynamoDBClient(localClientConfig(dynamo.endpoint));
  const feed = new ChangeFeed({
    tableName,
    imageReader,
    ...options.feed,
    ...(options.dataDir ? { failureLog: join(options.dataDir, 'stream-failures.jsonl') } : {}),
    log: (message, detail) => console.warn(JSON.stringify({ level: 'WARN', message, ...detail })),
  });
  feed.attach(sharedDynamoClient());
  for (const consumer of await loadConsumers(streamConsumers)) feed.subscribe(consumer);
  for (const consumer of options.extraConsumers ?? []) feed.subscribe(consumer);

  const identity = await DevIdentity.load(options.dataDir);
  const serve = createApiAdapter({ routes, identity, projectRoot, extra: devRoutes(identity) });
  const server: Server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((ready) => server.listen(options.port ?? 0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://localhost:${port}`,
    identity,
    feed,
    tableName,
    dynamoEndpoint: dynamo.endpoint,
    async stop() {
      await new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      });
      await feed.idle();
      imageReader.destroy();
      await dynamo.stop();
    },
  };
}

async function loadConsumers(entries: StreamConsumerEntry[]): Promise<FeedConsumer[]> {
  return Promise.all(
    entries.map(async ({ name, entry, batchSize, entities }) => {
      const module = await import(pathToFileURL(resolve(projectRoot, entry)).href);
      return { name, batchSize, handler: module.handler as StreamHandler, ...(entities ? { entities } : {}) };
    }),
  );
}
