import { appendFile } from 'node:fs/promises';
import { type AttributeValue, type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { tableDesign } from '../../shared/adapters/dynamodb/table-design';

type Image = Record<string, AttributeValue>;
export type StreamHandler = (
  event: DynamoDBStreamEvent,
  context: Context,
) => Promise<DynamoDBBatchResponse | undefined>;

export interface FeedConsumer {
  name: string;
  batchSize: number;
  /** Only records of items whose `entity` is listed (new or old image) are delivered. */
  entities?: string[];
  handler: StreamHandler;
}

export interface ChangeFeedOptions {
  tableName: string;
  /** Client used to read before/after images; it must not carry the feed itself. */
  imageReader: DynamoDBClient;
  /** Attempts per batch before bisecting, and per single record before giving up (AWS: retryAttempts + 1). */
  maxAttempts?: number;
  /** Base of the exponential backoff between attempts. */
  backoffMs?: number;
  /** Where records that exhausted their attempts go (the on-failure destination). */
  failureLog?: string;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
]);

/**
 * DynamoDB Streams for the local runtime (dynalite has none). A middleware on the
 * runtime's DynamoDB client sees every write; for each item a successful write changed it
 * emits a NEW_AND_OLD_IMAGES record, shaped as Lambda receives it. Images are read around
 * the write under a per-item lock, so they are exact for writes made through this process.
 * Each consumer gets the records in order, in batches, with partial-batch responses,
 * retries with backoff, bisect-on-error and an on-failure log, like an event source mapping.
 */
export class ChangeFeed {
  private sequence = 0;
  private readonly locks = new Map<string, Promise<void>>();
  private readonly lanes: ConsumerLane[] = [];
  private readonly maxAttempts: number;
  private readonly backoffMs: number;

  constructor(private readonly options: ChangeFeedOptions) {
    this.maxAttempts = options.maxAttempts ?? 3;
    this.backoffMs = options.backoffMs ?? 100;
  }

  subscribe(consumer: FeedConsumer): void {
    this.lanes.push(new ConsumerLane(consumer, this.maxAttempts, this.backoffMs, this.options));
  }

  /** Hooks the feed into a client: every write it sends from now on produces records. */
  attach(client: DynamoDBClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as Record<string, unknown>;
        if (!writeCommands.has(context.commandName ?? '')) return next(args);
        const targets = this.targetsOf(context.commandName as string, input);
        if (targets.length === 0) return next(args);
        const release = await this.lock(targets.map((t) => t.lockKey));
        try {
          const before = await Promise.all(targets.map((t) => this.readImage(t.key)));
          const result = await next(args);
          const after = await Promise.all(targets.map((t) => this.readImage(t.key)));
          for (const [i, target] of targets.entries()) this.emit(target.key, before[i], after[i]);
          return result;
        } finally {
          release();
        }
      },
      { step: 'serialize', priority: 'high', name: 'bassinLocalChangeFeed' },
    );
  }

  get busy(): boolean {
    return this.lanes.some((lane) => lane.busy);
  }

  /** Resolves when every record emitted so far has been delivered (or given up on). */
  async idle(): Promise<void> {
    while (this.lanes.some((lane) => lane.busy)) {
      await Promise.all(this.lanes.map((lane) => lane.drained()));
    }
  }

  private targetsOf(command: string, input: Record<string, unknown>) {
    const tableName = this.options.tableName;
    const keysOf: Record<string, unknown>[] = [];
    if (command === 'BatchWriteItemCommand') {
      const requests = (
        input.RequestItems as Record<string, Record<string, { Item?: object; Key?: object }>[]>
      )?.[tableName];
      for (const request of requests ?? []) {
        const write = request.PutRequest ?? request.DeleteRequest;
        if (write) keysOf.push((write.Item ?? write.Key) as Record<string, unknown>);
      }
    } else if (input.TableName === tableName) {
      keysOf.push((input.Item ?? input.Key) as Record<string, unknown>);
    }
    return keysOf.map((source) => {
      const key: Image = {};
      for (const name of [tableDesign.partitionKey, tableDesign.sortKey])
        key[name] = { S: plainString(source[name]) };
      return { key, lockKey: JSON.stringify(key) };
    });
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

  private async readImage(key: Image): Promise<Image | undefined> {
    const { Item } = await this.options.imageReader.send(
      new GetItemCommand({ TableName: this.options.tableName, Key: key, ConsistentRead: true }),
    );
    return Item;
  }

  private emit(key: Image, oldImage: Image | undefined, newImage: Image | undefined) {
    // DynamoDB writes no stream record when a write changes nothing.
    if (JSON.stringify(oldImage) === JSON.stringify(newImage)) return;
    const sequence = ++this.sequence;
    const record: DynamoDBRecord = {
      eventID: `local-${sequence}`,
      eventName: !oldImage ? 'INSERT' : !newImage ? 'REMOVE' : 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'local',
      eventSourceARN: `arn:aws:dynamodb:local:000000000000:table/${this.options.tableName}/stream/local`,
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
        Keys: key as never,
        ...(newImage ? { NewImage: newImage as never } : {}),
        ...(oldImage ? { OldImage: oldImage as never } : {}),
        SequenceNumber: String(sequence).padStart(21, '0'),
        SizeBytes: JSON.stringify(newImage ?? oldImage).length,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    };
    const entity = (newImage ?? oldImage)?.entity?.S;
    for (const lane of this.lanes) lane.offer(record, entity);
  }
}

function plainString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'S' in value) return String((value as { S: unknown }).S);
  throw new Error(`local change feed: key attributes must be strings, got ${JSON.stringify(value)}`);
}

/** One consumer's ordered queue and its delivery loop (one shard, one poller). */
class ConsumerLane {
  private readonly queue: DynamoDBRecord[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly consumer: FeedConsumer,
    private readonly maxAttempts: number,
    private readonly backoffMs: number,
    private readonly options: ChangeFeedOptions,
  ) {}

  get busy(): boolean {
    return this.running !== undefined || this.queue.length > 0;
  }

  drained(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  offer(record: DynamoDBRecord, entity: string | undefined) {
    if (this.consumer.entities && (!entity || !this.consumer.entities.includes(entity))) return;
    this.queue.push(record);
    this.kick();
  }

  private kick() {
    if (this.running || this.queue.length === 0) return;
    this.running = this.pump().finally(() => {
      this.running = undefined;
      this.kick();
    });
  }

  private async pump() {
    // A one-tick batching window: records emitted by the same write travel together.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.consumer.batchSize);
      await this.deliver(batch);
    }
  }

  /** Delivers a batch until every record succeeded or was sent to the failure log. */
  private async deliver(batch: DynamoDBRecord[]): Promise<void> {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const failedFrom = await this.invoke(pending);
      if (failedFrom === -1) return;
      pending = pending.slice(failedFrom);
      if (attempt < this.maxAttempts) {
        await new Promise((resolve) => setTimeout(resolve, this.backoffMs * 2 ** (attempt - 1)));
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
      const response = await this.consumer.handler({ Records: records }, localContext(this.consumer.name));
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

/** A Lambda context good enough for Powertools and middy. */
export function localContext(functionName: string): Context {
  const deadline = Date.now() + 30_000;
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
