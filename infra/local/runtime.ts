import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Context } from 'aws-lambda';
import { configure, givenSetting, setting } from '../../shared/adapters/configuration';
import { sharedDynamoClient } from '../../shared/adapters/dynamodb/client';
import { outboxSender } from '../../shared/adapters/local/outbox-sender';
import type { WaveRound } from '../../shared/domain/notifications/waves';
import { queueConsumers, type StreamConsumerEntry, scheduledJobs, streamConsumers } from '../consumers';
import { routes } from '../routes';
import { ChangeFeed, type FeedConsumer, localContext, type StreamHandler } from './change-feed';
import { demoAccounts, ensureDemo } from './demo';
import { devRoutes } from './dev-routes';
import { ensureTable, localDynamoClient, stampedNotSigned, startDynalite } from './dynalite';
import { createApiAdapter } from './http-adapter';
import { DevIdentity } from './identity';
import { loadHandler } from './load-handler';
import { keepMemory } from './memory-keeper';
import { startLocalMessaging } from './messaging';
import { webFiles } from './web-files';

export interface LocalRuntimeOptions {
  /** Where dynalite, the signing key and failure logs live; undefined keeps everything in memory. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  tableName?: string;
  /** Consumers besides those of infra/consumers.ts (tests use this). */
  extraConsumers?: FeedConsumer[];
  /** Stream retry tuning (tests shorten the backoff) and shards per consumer. */
  feed?: { maxAttempts?: number; backoffMs?: number; shards?: number };
  /** Seconds before a failed queue message is retried, doubled each time (default 2). */
  queueRetryBaseSeconds?: number;
  /** The built web app served at `/` (default web/dist). */
  webRoot?: string;
  /** Deadline of each HTTP function invocation (default 30 s, API Gateway's limit). */
  functionTimeoutMs?: number;
  /** Seed a small SYNTHETIC demo territory if the store has none (the first `npm start`). */
  demo?: boolean;
  /** Progress lines (the demo's); silent by default. */
  log?: (line: string) => void;
}

export interface LocalRuntime {
  url: string;
  identity: DevIdentity;
  feed: ChangeFeed;
  tableName: string;
  dynamoEndpoint: string;
  messaging: Awaited<ReturnType<typeof startLocalMessaging>>;
  /**
   * Resolves when the change feed, the queues and their consumers have nothing left to do;
   * each time they are, the offers' collection windows close (their waves go) and it waits again.
   */
  settled(timeoutMs?: number): Promise<void>;
  /** Runs a scheduled job now (locally they also run on their timer). */
  runJob(name: string): Promise<unknown>;
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
  if (options.demo && options.dataDir)
    await ensureDemo(dynamo.endpoint, tableName, options.dataDir, options.log ?? (() => undefined));

  configure({ tableName });
  // What the AWS SDK and Powertools read themselves stays in their standard variables.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'eu-west-3',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    // No CloudWatch here: the handlers' metrics (embedded metric format) would only fill the log.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
  });

  const log = (message: string, detail?: Record<string, unknown>) =>
    console.warn(JSON.stringify({ level: 'WARN', message, ...detail }));
  const messaging = await startLocalMessaging({
    consumers: queueConsumers,
    log,
    ...(options.queueRetryBaseSeconds !== undefined
      ? { retryBaseSeconds: options.queueRetryBaseSeconds }
      : {}),
  });
  // Without a data directory, the durable parts (the stream log, the outbox) live in a
  // scratch folder removed on stop: the same code path as `npm start`.
  const scratch = options.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'bassin-'));
  const dataDir = options.dataDir ?? (scratch as string);
  const outboxFile = join(dataDir, 'outbox.jsonl');
  const outbox = outboxSender(outboxFile);
  process.env.AWS_ENDPOINT_URL_SNS = messaging.endpoint;
  configure({
    offersTopicArn: messaging.topicArn,
    messageSender: 'outbox',
    outboxFile,
    unsubscribeSecret: await localSecret(options.dataDir),
  });

  const imageReader = localDynamoClient(dynamo.endpoint);
  const feed = await ChangeFeed.open({
    dir: join(dataDir, 'stream'),
    tableName,
    imageReader,
    readImage: (key) => dynamo.readItem(tableName, key),
    ...options.feed,
    failureLog: join(dataDir, 'stream-failures.jsonl'),
    log,
  });
  feed.attach(stampedNotSigned(sharedDynamoClient()));
  for (const consumer of await loadConsumers(streamConsumers)) feed.subscribe(consumer);
  for (const consumer of options.extraConsumers ?? []) feed.subscribe(consumer);
  await feed.start();

  const identity = await DevIdentity.load(options.dataDir);
  const jobs = new Map(
    await Promise.all(
      scheduledJobs.map(async (job) => {
        const handler = await loadHandler<(event: object, context: Context) => Promise<unknown>>(job.entry);
        const run = (event: object = {}) => handler(event, localContext(job.name));
        return [job.name, { job, run }] as const;
      }),
    ),
  );
  const memory = keepMemory();
  const timers = [...jobs.values()].map(({ job, run }) =>
    setInterval(
      () => void run().catch((error) => log('scheduled job failed', { job: job.name, error: String(error) })),
      job.everyMinutes * 60_000,
    ),
  );
  const runJob = async (name: string, event?: object) => {
    const found = jobs.get(name);
    if (!found) throw new Error(`no scheduled job ${name}`);
    return found.run(event);
  };
  const settled = async (timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
      await feed.idle();
      quiet = (await messaging.idle()) && !feed.busy ? quiet + 1 : 0;
      // Settled means the matcher is done: the offers' collection windows have served their purpose.
      if (quiet === 3 && (await closeCollectionWindows()) > 0) quiet = 0;
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  };
  const closeCollectionWindows = async () => {
    const window = Number(setting('offerCollectionMinutes'));
    const asOf = new Date(Date.now() + window * 60_000).toISOString();
    return ((await runJob('releaseWaves', { asOf })) as WaveRound).waves;
  };
  const serve = createApiAdapter({
    routes,
    identity,
    ...(options.functionTimeoutMs ? { functionTimeoutMs: options.functionTimeoutMs } : {}),
    extra: devRoutes(identity, {
      outbox: outbox.read,
      messaging,
      runJob,
      jobNames: [...jobs.keys()],
      stream: () => feed.status(),
      settled,
      demoAccounts: () => demoAccounts(dynamo.endpoint, tableName),
    }),
  });
  const web = webFiles(options.webRoot ?? resolve('web/dist'));
  // Idle keep-alive sockets outlive the clients' own (undici: 4 s, browsers: longer), so a client
  // never sends a request on a socket the server is closing (ECONNRESET on a busy machine).
  const server: Server = createServer({ keepAliveTimeout: 65_000 }, async (request, response) => {
    if (!(await web(request, response).catch(() => false))) await serve(request, response);
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      void feed
        .close()
        .then(() => messaging.stop())
        .then(() => dynamo.stop());
      fail(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${options.port} is already in use: stop the other process or start with PORT=<another port>`,
            )
          : error,
      );
    });
    server.listen(options.port ?? 0, '127.0.0.1', ready);
  });
  const { port } = server.address() as AddressInfo;
  // Links in messages, and the one origin allowed: this runtime, which also serves the web app.
  configure({
    publicUrl: givenSetting('publicUrl') ?? `http://localhost:${port}`,
    allowedOrigin: givenSetting('allowedOrigin') ?? `http://localhost:${port}`,
  });
  // The local queues are in memory: offers in flight when the process died are delivered now.
  await runJob('releaseOffers', { recoverStrandedBefore: new Date().toISOString() }).catch((error) =>
    log('recovering offers cut short failed', { error: String(error) }),
  );
  return {
    url: `http://localhost:${port}`,
    identity,
    feed,
    tableName,
    dynamoEndpoint: dynamo.endpoint,
    messaging,
    settled,
    runJob,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      memory.stop();
      await new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      });
      await feed.close();
      await messaging.stop();
      imageReader.destroy();
      await dynamo.stop();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    },
  };
}

async function loadConsumers(entries: readonly StreamConsumerEntry[]): Promise<FeedConsumer[]> {
  return Promise.all(
    entries.map(async ({ name, entry, batchSize, entities, parallelization }) => {
      const handler = await loadHandler<StreamHandler>(entry);
      return {
        name,
        batchSize,
        handler,
        shards: parallelization,
        entities: entities.map((kind) => kind.name),
      };
    }),
  );
}

/** The unsubscribe-link key: kept in the data directory, so links stay valid across restarts. */
async function localSecret(dataDir: string | undefined): Promise<string> {
  const file = dataDir && join(dataDir, 'unsubscribe-secret');
  const existing = file ? await readFile(file, 'utf8').catch(() => undefined) : undefined;
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  if (file) await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
