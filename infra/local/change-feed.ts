import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AttributeValue,
  BatchWriteItemCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { tableDesign } from '../../shared/adapters/dynamodb/table-design';
import { streamConsumerTimeoutSeconds } from '../consumers';
import { CheckpointStore } from './stream-checkpoints';
import { type Image, type Intent, type LoggedRecord, StreamLog, type StreamReader } from './stream-log';

export type StreamHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse | undefined>;

export interface FeedConsumer {
  name: string;
  batchSize: number;
  /** Only records of items whose `entity` is listed (new or old image) are delivered. */
  entities?: string[];
  /** Lanes of this consumer (else the feed's `shards`). */
  shards?: number;
  handler: StreamHandler;
}

export interface ChangeFeedOptions {
  /** Where the log and the consumers' checkpoints live (`<dataDir>/stream`). */
  dir: string;
  tableName: string;
  /** Client used to read images and to finish interrupted writes; it must not carry the feed itself. */
  imageReader: DynamoDBClient;
  /** A faster way to read an item's image, when the table is in this process (dynalite). */
  readImage?: (key: Image) => Promise<Image | undefined>;
  /** Shards per consumer: records of one partition key always go to the same shard, in order. */
  shards?: number;
  /** Attempts per batch before bisecting, and per single record before giving up (AWS: retryAttempts + 1). */
  maxAttempts?: number;
  /** Base of the exponential backoff between attempts. */
  backoffMs?: number;
  /** Where records that exhausted their attempts go (the on-failure destination). */
  failureLog?: string;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

const commands = {
  PutItemCommand,
  UpdateItemCommand,
  DeleteItemCommand,
  BatchWriteItemCommand,
} as const;
type WriteCommand = keyof typeof commands;
const isWrite = (name: string | undefined): name is WriteCommand => !!name && name in commands;

/** Records a consumer may have read ahead of its shards (bounded memory under a backlog). */
const maxQueuedPerConsumer = 1_000;
const trimEveryMs = 3_600_000;

/**
 * DynamoDB Streams for the local runtime (dynalite has none). A middleware on the
 * runtime's DynamoDB client sees every write: under a per-item lock it reads the items'
 * images, logs its intent, sends it, and logs one NEW_AND_OLD_IMAGES record per item it
 * changed before the caller gets the answer (stream-log.ts). So every acknowledged write
 * is in a durable log, in order per item, and a write cut short by a crash is settled at
 * the next start (`start`). Each consumer reads the log from its checkpoints, one lane
 * per shard, in batches with partial-batch responses, retries with backoff,
 * bisect-on-error and an on-failure log, like an event source mapping; checkpoints move
 * once a batch is done, so a crash redelivers (at least once), and records are kept 24 h.
 */
export class ChangeFeed {
  private readonly locks = new Map<string, Promise<void>>();
  private readonly consumers: ConsumerFeed[] = [];
  private writesInFlight = 0;
  private trimTimer: NodeJS.Timeout | undefined;
  private readonly progressWaiters = new Set<() => void>();

  private constructor(
    private readonly options: ChangeFeedOptions,
    readonly log: StreamLog,
    private readonly checkpoints: CheckpointStore,
  ) {}

  static async open(options: ChangeFeedOptions): Promise<ChangeFeed> {
    const log = await StreamLog.open(options.dir);
    await log.trim();
    return new ChangeFeed(options, log, new CheckpointStore(join(options.dir, 'checkpoints')));
  }

  subscribe(consumer: FeedConsumer): void {
    this.consumers.push(
      new ConsumerFeed(consumer, this.log, this.checkpoints, this.options, () => this.progress()),
    );
  }

  /** Hooks the feed into a client: every write it sends from now on is logged. */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName;
        // At the build step the input is marshalled (lib-dynamodb has run): it can be replayed.
        const input = args.input as Record<string, unknown>;
        if (!isWrite(command)) return next(args);
        const keys = this.keysOf(command, input);
        if (keys.length === 0) return next(args);
        this.writesInFlight++;
        const release = await this.lock(keys.map((key) => JSON.stringify(key)));
        try {
          const old = await this.images(keys);
          const intent = await this.log.begin({ command, input, keys, old: old.map((i) => i ?? null) });
          let result: Awaited<ReturnType<typeof next>> | undefined;
          let failure: unknown;
          try {
            result = await next(args);
          } catch (error) {
            failure = error;
          }
          const after =
            failure || !afterIsKnown(command, result) ? await this.images(keys) : imagesAfter(command, input);
          await this.log.finish(intent, changes(keys, old, after));
          if (failure) throw failure;
          return result as Awaited<ReturnType<typeof next>>;
        } finally {
          release();
          this.writesInFlight--;
          this.progress();
        }
      },
      { step: 'build', priority: 'high', name: 'bassinLocalChangeFeed' },
    );
  }

  /**
   * Settles writes the previous run logged but did not finish (it was killed): an item
   * that changed gets its record; an item still as it was gets the write sent again, so
   * a write dynalite had half done (index entries first, then the item) is completed —
   * never a listed item that cannot be read. Then consumers resume from their checkpoints.
   */
  async start(): Promise<{ recovered: number }> {
    let recovered = 0;
    for (const intent of this.log.unresolved) {
      await this.log.reopen(intent);
      recovered += (await this.finishInterrupted(intent)).length;
    }
    await Promise.all(this.consumers.map((consumer) => consumer.start()));
    this.trimTimer = setInterval(() => void this.log.trim(), trimEveryMs);
    this.trimTimer.unref();
    return { recovered };
  }

  get busy(): boolean {
    return this.writesInFlight > 0 || this.consumers.some((consumer) => consumer.busy);
  }

  /** Resolves when every record logged so far has been delivered (or given up on). */
  async idle(): Promise<void> {
    while (this.busy) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.progressWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, 50);
        this.progressWaiters.add(wake);
      });
    }
  }

  /** Per consumer: records not yet delivered and the age of the oldest (how far behind it runs). */
  status() {
    const now = Date.now() / 1000;
    return {
      lastSequenceNumber: this.log.lastSeq,
      consumers: this.consumers.map((consumer) => consumer.status(this.log.lastSeq, now)),
    };
  }

  /** Stops reading; batches being delivered finish and their checkpoints are saved; queued ones wait for the next start. */
  async close(): Promise<void> {
    clearInterval(this.trimTimer);
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
    await this.checkpoints.flush();
    await this.log.close();
  }

  private progress() {
    for (const wake of [...this.progressWaiters]) wake();
  }

  private async finishInterrupted(intent: Intent): Promise<LoggedRecord[]> {
    const old = intent.old.map((image) => image ?? undefined);
    let now = await this.images(intent.keys);
    const untouched = intent.keys.filter((_, i) => sameImage(now[i], old[i]));
    if (untouched.length === intent.keys.length || intent.command === 'BatchWriteItemCommand') {
      const redo = redoOf(intent, untouched, this.options.tableName);
      if (redo) {
        await this.options.imageReader.send(redo as never).catch((error: Error) => {
          // A condition that fails again failed the first time too: nothing was written.
          if (error.name !== 'ConditionalCheckFailedException') throw error;
        });
        now = await this.images(intent.keys);
      }
    }
    const records = await this.log.finish(intent.intent, changes(intent.keys, old, now));
    if (records.length)
      this.options.log?.('stream: finished a write interrupted by a crash', {
        command: intent.command,
        records: records.length,
      });
    return records;
  }

  private keysOf(command: WriteCommand, input: Record<string, unknown>): Image[] {
    const tableName = this.options.tableName;
    const sources: Record<string, unknown>[] = [];
    if (command === 'BatchWriteItemCommand') {
      const requests = (
        input.RequestItems as Record<string, Record<string, { Item?: object; Key?: object }>[]>
      )?.[tableName];
      for (const request of requests ?? []) {
        const write = request.PutRequest ?? request.DeleteRequest;
        if (write) sources.push((write.Item ?? write.Key) as Record<string, unknown>);
      }
    } else if (input.TableName === tableName) {
      sources.push((input.Item ?? input.Key) as Record<string, unknown>);
    }
    return sources.map(keyOf);
  }

  private async lock(keys: string[]): Promise<() => void> {
    const unique = [...new Set(keys)].sort();
    const previous = unique.map((key) => this.locks.get(key) ?? Promise.resolve());
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    for (const key of unique) this.locks.set(key, held);
    await Promise.all(previous);
    return () => {
      for (const key of unique) if (this.locks.get(key) === held) this.locks.delete(key);
      release();
    };
  }

  private images(keys: Image[]): Promise<(Image | undefined)[]> {
    const { readImage } = this.options;
    if (readImage) return Promise.all(keys.map((key) => readImage(key)));
    return Promise.all(
      keys.map(async (key) => {
        const { Item } = await this.options.imageReader.send(
          new GetItemCommand({ TableName: this.options.tableName, Key: key, ConsistentRead: true }),
        );
        return Item;
      }),
    );
  }
}

function keyOf(source: Record<string, unknown>): Image {
  const key: Image = {};
  for (const name of [tableDesign.partitionKey, tableDesign.sortKey]) {
    const value = source[name] as AttributeValue | undefined;
    if (typeof value?.S !== 'string')
      throw new Error(`local change feed: key attributes must be strings, got ${JSON.stringify(value)}`);
    key[name] = { S: value.S };
  }
  return key;
}

/** A Put's new image is its item and a Delete leaves none; an Update (or a partial batch) is read back. */
function afterIsKnown(command: WriteCommand, result: unknown): boolean {
  if (command === 'UpdateItemCommand') return false;
  if (command !== 'BatchWriteItemCommand') return true;
  const unprocessed = (result as { output?: { UnprocessedItems?: Record<string, unknown[]> } })?.output
    ?.UnprocessedItems;
  return !unprocessed || Object.values(unprocessed).every((items) => items.length === 0);
}

function imagesAfter(command: WriteCommand, input: Record<string, unknown>): (Image | undefined)[] {
  if (command === 'PutItemCommand') return [input.Item as Image];
  if (command === 'DeleteItemCommand') return [undefined];
  const requests = Object.values(
    input.RequestItems as Record<string, { PutRequest?: { Item: Image } }[]>,
  ).flat();
  return requests.map((request) => request.PutRequest?.Item);
}

function changes(keys: Image[], old: (Image | undefined)[], now: (Image | undefined)[]) {
  // DynamoDB writes no stream record when a write changes nothing.
  return keys.flatMap((key, i) =>
    sameImage(old[i], now[i])
      ? []
      : [{ keys: key, ...(old[i] ? { old: old[i] } : {}), ...(now[i] ? { new: now[i] } : {}) }],
  );
}

/** The command to send again for an interrupted write (a batch: only its untouched items). */
function redoOf(intent: Intent, untouched: Image[], tableName: string) {
  if (intent.command !== 'BatchWriteItemCommand') {
    const Command = commands[intent.command as WriteCommand] as new (input: never) => unknown;
    return Command ? new Command(intent.input as never) : undefined;
  }
  const wanted = new Set(untouched.map((key) => JSON.stringify(key)));
  const requests = (
    (intent.input.RequestItems as Record<string, Record<string, { Item?: object; Key?: object }>[]>)[
      tableName
    ] ?? []
  ).filter((request) => {
    const write = request.PutRequest ?? request.DeleteRequest;
    return write && wanted.has(JSON.stringify(keyOf((write.Item ?? write.Key) as Record<string, unknown>)));
  });
  return requests.length ? new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }) : undefined;
}

/** Images compared whatever the order of their attributes. */
export function sameImage(a: Image | undefined, b: Image | undefined): boolean {
  return deepEqual(a, b);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** FNV-1a of the partition key: the shard of a record, stable across restarts. */
function shardOf(keys: Image, shards: number): number {
  const text = keys[tableDesign.partitionKey]?.S ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}

function toStreamRecord(record: LoggedRecord, tableName: string): DynamoDBRecord {
  const image = record.new ?? record.old;
  return {
    eventID: `local-${record.seq}`,
    eventName: !record.old ? 'INSERT' : !record.new ? 'REMOVE' : 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'local',
    eventSourceARN: `arn:aws:dynamodb:local:000000000000:table/${tableName}/stream/local`,
    dynamodb: {
      ApproximateCreationDateTime: record.at,
      Keys: record.keys as never,
      ...(record.new ? { NewImage: record.new as never } : {}),
      ...(record.old ? { OldImage: record.old as never } : {}),
      SequenceNumber: String(record.seq).padStart(21, '0'),
      SizeBytes: JSON.stringify(image).length,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** One consumer: a reader over the log that hands each record to the lane of its shard. */
class ConsumerFeed {
  private readonly lanes: ShardLane[] = [];
  private reader: StreamReader | undefined;
  private running: Promise<void> | undefined;
  /** Every record up to this one has been handed to its lane (or was not for this consumer). */
  private dispatched = 0;
  private stopped = false;
  private wakeDispatcher: (() => void) | undefined;

  constructor(
    private readonly consumer: FeedConsumer,
    private readonly log: StreamLog,
    private readonly checkpoints: CheckpointStore,
    private readonly options: ChangeFeedOptions,
    private readonly onProgress: () => void,
  ) {}

  async start() {
    const shards = this.consumer.shards ?? this.options.shards ?? 4;
    const saved = (await this.checkpoints.load(this.consumer.name)) ?? [];
    // Another shard count than last time: every shard resumes from the lowest checkpoint.
    const resume: number[] =
      saved.length === shards ? saved : Array(shards).fill(saved.length ? Math.min(...saved) : 0);
    for (const checkpoint of resume)
      this.lanes.push(new ShardLane(this.consumer, this.options, checkpoint, () => this.laneProgress()));
    this.dispatched = Math.min(...resume);
    this.reader = this.log.reader(this.dispatched + 1, this.consumer.entities);
    this.running = this.dispatch();
  }

  get busy(): boolean {
    return this.dispatched < this.log.lastSeq || this.lanes.some((lane) => lane.busy);
  }

  status(lastSeq: number, now: number) {
    const oldest = Math.min(...this.lanes.map((lane) => lane.oldestAt ?? Number.POSITIVE_INFINITY));
    return {
      name: this.consumer.name,
      checkpoints: this.lanes.map((lane) => lane.checkpoint),
      pending: Math.max(0, lastSeq - Math.min(...this.lanes.map((lane) => lane.checkpoint))),
      behindSeconds: Number.isFinite(oldest) ? Math.max(0, Math.round(now - oldest)) : 0,
    };
  }

  async stop() {
    this.stopped = true;
    const inFlight = this.lanes.map((lane) => lane.halt());
    this.wakeDispatcher?.();
    await this.reader?.close();
    await this.running;
    await Promise.all(inFlight);
    this.saveCheckpoints();
  }

  private async dispatch() {
    const shards = this.lanes.length;
    while (!this.stopped) {
      // Only records of the consumer's entities come back; `through` covers the others too.
      const { records, through } = await (this.reader as StreamReader).read();
      for (const record of records) {
        const lane = this.lanes[shardOf(record.keys, shards)] as ShardLane;
        if (record.seq > lane.checkpoint) lane.offer(toStreamRecord(record, this.options.tableName), record);
      }
      this.dispatched = Math.max(this.dispatched, through);
      this.advanceIdleLanes();
      // Back-pressure: read ahead only so far, whatever the backlog in the log.
      while (!this.stopped && this.lanes.reduce((n, lane) => n + lane.queued, 0) >= maxQueuedPerConsumer)
        await new Promise<void>((resolve) => {
          this.wakeDispatcher = resolve;
        });
    }
  }

  private laneProgress() {
    this.advanceIdleLanes();
    this.wakeDispatcher?.();
    this.wakeDispatcher = undefined;
    this.onProgress();
  }

  /** A lane with nothing left has done everything dispatched so far (skipped records included). */
  private advanceIdleLanes() {
    let moved = false;
    for (const lane of this.lanes) moved = lane.advanceIfIdle(this.dispatched) || moved;
    if (moved) this.saveCheckpoints();
  }

  private saveCheckpoints() {
    this.checkpoints.save(
      this.consumer.name,
      this.lanes.map((lane) => lane.checkpoint),
    );
  }
}

/** One shard of one consumer: an ordered queue and its delivery loop (one poller per shard). */
class ShardLane {
  private readonly queue: { record: DynamoDBRecord; seq: number; at: number }[] = [];
  private running: Promise<void> | undefined;
  private halted = false;

  constructor(
    private readonly consumer: FeedConsumer,
    private readonly options: ChangeFeedOptions,
    /** Every record of this shard up to here is done. */
    public checkpoint: number,
    private readonly onProgress: () => void,
  ) {}

  get busy(): boolean {
    return this.running !== undefined || this.queue.length > 0;
  }

  get queued(): number {
    return this.queue.length;
  }

  get oldestAt(): number | undefined {
    return this.queue[0]?.at;
  }

  /**
   * Finishes the batch being delivered and starts no other: what is still queued stays after
   * the checkpoint and is delivered again after a restart, as Lambda resumes a stream.
   */
  halt(): Promise<void> {
    this.halted = true;
    return this.running ?? Promise.resolve();
  }

  offer(record: DynamoDBRecord, logged: LoggedRecord) {
    this.queue.push({ record, seq: logged.seq, at: logged.at });
    this.kick();
  }

  advanceIfIdle(dispatched: number): boolean {
    if (this.busy || dispatched <= this.checkpoint) return false;
    this.checkpoint = dispatched;
    return true;
  }

  private kick() {
    if (this.running || this.halted || this.queue.length === 0) return;
    this.running = this.pump().finally(() => {
      this.running = undefined;
      this.onProgress();
      this.kick();
    });
  }

  private async pump() {
    // A one-tick batching window: records logged by the same write travel together.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0 && !this.halted) {
      const batch = this.queue.splice(0, this.consumer.batchSize);
      await this.deliver(batch.map((entry) => entry.record));
      this.checkpoint = (batch[batch.length - 1] as { seq: number }).seq;
      this.onProgress();
    }
  }

  /** Delivers a batch until every record succeeded or was sent to the failure log. */
  private async deliver(batch: DynamoDBRecord[]): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    const backoffMs = this.options.backoffMs ?? 100;
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const failedFrom = await this.invoke(pending);
      if (failedFrom === -1) return;
      pending = pending.slice(failedFrom);
      if (attempt < maxAttempts) {
        await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
        continue;
      }
      if (pending.length > 1) {
        // Bisect on error: each half gets its own attempts, so one poison record is isolated.
        const half = Math.ceil(pending.length / 2);
        await this.deliver(pending.slice(0, half));
        await this.deliver(pending.slice(half));
        return;
      }
      await this.giveUp(pending);
      return;
    }
  }

  /** -1 when all succeeded; otherwise the index to resume from (lowest failed sequence). */
  private async invoke(records: DynamoDBRecord[]): Promise<number> {
    try {
      const response = await this.consumer.handler(
        { Records: records },
        localContext(this.consumer.name, streamConsumerTimeoutSeconds * 1000),
      );
      const failures = response?.batchItemFailures ?? [];
      if (failures.length === 0) return -1;
      const indexes = failures.map(({ itemIdentifier }) =>
        records.findIndex((r) => r.dynamodb?.SequenceNumber === itemIdentifier),
      );
      // An identifier that is empty or unknown fails the whole batch, as in Lambda.
      return indexes.some((i) => i < 0) ? 0 : Math.min(...indexes);
    } catch (error) {
      this.options.log?.('stream consumer threw', { consumer: this.consumer.name, error: String(error) });
      return 0;
    }
  }

  private async giveUp(records: DynamoDBRecord[]) {
    this.options.log?.('stream records sent to the failure log', {
      consumer: this.consumer.name,
      sequenceNumbers: records.map((r) => r.dynamodb?.SequenceNumber),
    });
    if (this.options.failureLog) {
      const lines = records.map((record) => JSON.stringify({ consumer: this.consumer.name, record }));
      await appendFile(this.options.failureLog, `${lines.join('\n')}\n`);
    }
  }
}

/** A Lambda context good enough for Powertools and middy; `timeoutMs` is the function's timeout. */
export function localContext(functionName: string, timeoutMs = 30_000): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
