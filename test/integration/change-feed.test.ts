import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChangeFeed, type StreamHandler } from '../../infra/local/change-feed';
import { localClientConfig } from '../../infra/local/dynalite';
import { StreamLog } from '../../infra/local/stream-log';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { startLocalTable } from '../support/local-table';

let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeAll(async () => {
  local = await startLocalTable();
});
afterAll(() => local.stop());
const opened: ChangeFeed[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((feed) => feed.close()));
});

type Subscriber = { handler: StreamHandler; batchSize?: number; entities?: string[] };

/** A feed over `dir` (fresh by default) and a client it is attached to, writing through lib-dynamodb like the functions. */
async function feedWith(handlers: Subscriber[], dir?: string) {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'feed-')));
  const failureLog = join(folder, 'failures.jsonl');
  const feed = await ChangeFeed.open({
    dir: join(folder, 'stream'),
    tableName: 'bassin',
    imageReader: local.base,
    backoffMs: 1,
    maxAttempts: 2,
    failureLog,
  });
  for (const [i, h] of handlers.entries()) {
    feed.subscribe({
      name: `c${i}`,
      batchSize: h.batchSize ?? 10,
      handler: h.handler,
      ...(h.entities ? { entities: h.entities } : {}),
    });
  }
  const base = new DynamoDBClient(localClientConfig(local.endpoint));
  feed.attach(base);
  const started = await feed.start();
  opened.push(feed);
  return { feed, doc: documentClient(base), failureLog, dir: folder, started };
}

const recorder = () => {
  const records: DynamoDBRecord[] = [];
  const handler: StreamHandler = async (event: DynamoDBStreamEvent) => {
    records.push(...event.Records);
    return { batchItemFailures: [] };
  };
  return { records, handler };
};

let n = 0;
let pk: string;
beforeEach(() => {
  pk = `ITEM#${++n}`;
});

describe('local change feed', () => {
  it('emits INSERT, MODIFY and REMOVE with marshalled images, in order', async () => {
    const seen = recorder();
    const { feed, doc } = await feedWith([seen]);
    const Key = { PK: pk, SK: 'A' };
    await doc.send(
      new PutCommand({ TableName: 'bassin', Item: { ...Key, entity: 'Thing', n: 1, tags: ['x'] } }),
    );
    await doc.send(
      new UpdateCommand({
        TableName: 'bassin',
        Key,
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': 2 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    await doc.send(new DeleteCommand({ TableName: 'bassin', Key }));
    await feed.idle();
    expect(seen.records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    const [insert, modify, remove] = seen.records;
    expect(insert?.dynamodb).toMatchObject({
      Keys: { PK: { S: pk }, SK: { S: 'A' } },
      NewImage: { n: { N: '1' }, tags: { L: [{ S: 'x' }] }, entity: { S: 'Thing' } },
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(insert?.dynamodb?.OldImage).toBeUndefined();
    expect(modify?.dynamodb).toMatchObject({ OldImage: { n: { N: '1' } }, NewImage: { n: { N: '2' } } });
    expect(remove?.dynamodb?.OldImage).toMatchObject({ n: { N: '2' } });
    expect(remove?.dynamodb?.NewImage).toBeUndefined();
    const sequence = seen.records.map((r) => r.dynamodb?.SequenceNumber ?? '');
    expect([...sequence].sort()).toEqual(sequence);
    expect(insert?.eventSource).toBe('aws:dynamodb');
  });

  it('emits nothing for a failed condition or a write that changes nothing', async () => {
    const seen = recorder();
    const { feed, doc } = await feedWith([seen]);
    const Item = { PK: pk, SK: 'A', n: 1 };
    await doc.send(new PutCommand({ TableName: 'bassin', Item }));
    await expect(
      doc.send(
        new PutCommand({ TableName: 'bassin', Item, ConditionExpression: 'attribute_not_exists(PK)' }),
      ),
    ).rejects.toThrow();
    await doc.send(new PutCommand({ TableName: 'bassin', Item }));
    await doc.send(new DeleteCommand({ TableName: 'bassin', Key: { PK: `${pk}-absent`, SK: 'A' } }));
    await feed.idle();
    expect(seen.records.map((r) => r.eventName)).toEqual(['INSERT']);
  });

  it('emits one record per item of a batch write', async () => {
    const seen = recorder();
    const { feed, doc } = await feedWith([seen]);
    await doc.send(
      new BatchWriteCommand({
        RequestItems: {
          bassin: [1, 2, 3].map((i) => ({ PutRequest: { Item: { PK: pk, SK: `B${i}` } } })),
        },
      }),
    );
    await feed.idle();
    expect(seen.records.map((r) => r.dynamodb?.Keys?.SK?.S).sort()).toEqual(['B1', 'B2', 'B3']);
  });

  it('delivers only the entities a consumer asked for', async () => {
    const things = recorder();
    const { feed, doc } = await feedWith([{ ...things, entities: ['Thing'] }]);
    await doc.send(new PutCommand({ TableName: 'bassin', Item: { PK: pk, SK: 'T', entity: 'Thing' } }));
    await doc.send(new PutCommand({ TableName: 'bassin', Item: { PK: pk, SK: 'O', entity: 'Other' } }));
    await feed.idle();
    expect(things.records.map((r) => r.dynamodb?.Keys?.SK?.S)).toEqual(['T']);
  });

  it('retries from the lowest failed record of a partial batch failure', async () => {
    const deliveries: string[][] = [];
    let failedOnce = false;
    const handler: StreamHandler = async (event) => {
      const sks = event.Records.map((r) => r.dynamodb?.Keys?.SK?.S ?? '');
      deliveries.push(sks);
      const second = event.Records.find((r) => r.dynamodb?.Keys?.SK?.S === 'R2');
      if (second && !failedOnce) {
        failedOnce = true;
        return { batchItemFailures: [{ itemIdentifier: second.dynamodb?.SequenceNumber ?? '' }] };
      }
      return { batchItemFailures: [] };
    };
    const { feed, doc } = await feedWith([{ handler, batchSize: 10 }]);
    // One batch write: the three records are queued together and delivered as one batch.
    await doc.send(
      new BatchWriteCommand({
        RequestItems: {
          bassin: ['R1', 'R2', 'R3'].map((sk) => ({ PutRequest: { Item: { PK: pk, SK: sk } } })),
        },
      }),
    );
    await feed.idle();
    expect(deliveries.map((batch) => batch.sort())).toEqual([
      ['R1', 'R2', 'R3'],
      ['R2', 'R3'],
    ]);
  });

  it('isolates a poison record by bisecting, and logs it as failed; the others get through', async () => {
    const delivered = new Set<string>();
    const handler: StreamHandler = async (event) => {
      if (event.Records.some((r) => r.dynamodb?.NewImage?.poison?.BOOL))
        throw new Error('cannot handle this');
      for (const r of event.Records) delivered.add(r.dynamodb?.Keys?.SK?.S ?? '');
      return { batchItemFailures: [] };
    };
    const slow = { batchSize: 10, handler };
    const { feed, doc, failureLog } = await feedWith([slow]);
    await doc.send(
      new BatchWriteCommand({
        RequestItems: {
          bassin: Array.from({ length: 10 }, (_, i) => ({
            PutRequest: { Item: { PK: pk, SK: `P${i}`, poison: i === 6 } },
          })),
        },
      }),
    );
    await feed.idle();
    expect([...delivered].sort()).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P7', 'P8', 'P9']);
    const failed = (await readFile(failureLog, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(failed).toHaveLength(1);
    expect(failed[0].record.dynamodb.Keys.SK.S).toBe('P6');
  });

  it('has every acknowledged write in the durable log before the answer', async () => {
    const { doc, dir } = await feedWith([]);
    await doc.send(new PutCommand({ TableName: 'bassin', Item: { PK: pk, SK: 'ACK', entity: 'Thing' } }));
    // Read synchronously, right after the answer: nothing may still be on its way to the file.
    const segments = (await readdir(join(dir, 'stream'))).filter((f) => f.endsWith('.jsonl'));
    const text = segments.map((f) => readFileSync(join(dir, 'stream', f), 'utf8')).join('');
    const outcomes = text.split('\n').filter((line) => line.startsWith('{"done"'));
    expect(outcomes.some((line) => line.includes(pk) && line.includes('"ACK"'))).toBe(true);
  });

  it('resumes after a crash from its checkpoints: what was done is not redelivered, the rest is', async () => {
    const hang = new Promise<never>(() => undefined);
    const first: string[] = [];
    const crashing = await feedWith([
      {
        batchSize: 1,
        handler: async (event) => {
          const sk = event.Records[0]?.dynamodb?.Keys?.SK?.S ?? '';
          if (sk === 'C3') await hang; // the process dies while this batch runs
          first.push(sk);
          return { batchItemFailures: [] };
        },
      },
    ]);
    opened.splice(opened.indexOf(crashing.feed), 1); // a dead process is not closed
    for (const sk of ['C1', 'C2', 'C3', 'C4'])
      await crashing.doc.send(new PutCommand({ TableName: 'bassin', Item: { PK: pk, SK: sk } }));
    await expect.poll(() => first).toEqual(['C1', 'C2']);
    // Checkpoints are saved behind the consumer: the crash comes once C2's is on disk.
    const checkpoint = join(crashing.dir, 'stream', 'checkpoints', 'c0.json');
    await expect
      .poll(async () =>
        Math.min(...JSON.parse(await readFile(checkpoint, 'utf8').catch(() => '{"shards":[0]}')).shards),
      )
      .toBe(2);
    const seen = recorder();
    const { feed } = await feedWith([seen], crashing.dir);
    await feed.idle();
    expect(seen.records.map((r) => r.dynamodb?.Keys?.SK?.S)).toEqual(['C3', 'C4']);
  });

  it('closes after the batch in flight, leaving the queued backlog to the next start', async () => {
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first: string[] = [];
    const stopping = await feedWith([
      {
        batchSize: 1,
        handler: async (event) => {
          const sk = event.Records[0]?.dynamodb?.Keys?.SK?.S ?? '';
          first.push(sk);
          if (sk === 'Q1') await blocked;
          return { batchItemFailures: [] };
        },
      },
    ]);
    opened.splice(opened.indexOf(stopping.feed), 1);
    for (const sk of ['Q1', 'Q2', 'Q3', 'Q4'])
      await stopping.doc.send(new PutCommand({ TableName: 'bassin', Item: { PK: pk, SK: sk } }));
    await expect.poll(() => first).toEqual(['Q1']);
    // Closing while Q1 is being delivered and Q2–Q4 wait: Q1 finishes, nothing else starts.
    const closed = stopping.feed.close();
    release();
    await closed;
    expect(first).toEqual(['Q1']);
    const seen = recorder();
    const { feed } = await feedWith([seen], stopping.dir);
    await feed.idle();
    expect(seen.records.map((r) => r.dynamodb?.Keys?.SK?.S)).toEqual(['Q2', 'Q3', 'Q4']);
  });

  it('finishes a write the crash cut short: sent again if nothing changed, only recorded if it had', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'feed-'));
    const log = await StreamLog.open(join(dir, 'stream'));
    const put = { PK: pk, SK: 'NEVER-SENT', entity: 'Thing' };
    await log.begin({
      command: 'PutItemCommand',
      input: { TableName: 'bassin', Item: marshall(put), ConditionExpression: 'attribute_not_exists(PK)' },
      keys: [marshall({ PK: pk, SK: 'NEVER-SENT' })],
      old: [null],
    });
    const key = { PK: pk, SK: 'COUNTER' };
    await local.table.doc.send(new PutCommand({ TableName: 'bassin', Item: { ...key, n: 1 } }));
    await log.begin({
      command: 'UpdateItemCommand',
      input: {
        TableName: 'bassin',
        Key: marshall(key),
        UpdateExpression: 'ADD n :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      },
      keys: [marshall(key)],
      old: [marshall({ ...key, n: 1 })],
    });
    // The update reached the table, its outcome never reached the log.
    await local.table.doc.send(
      new UpdateCommand({
        TableName: 'bassin',
        Key: key,
        UpdateExpression: 'ADD n :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    await log.close();

    const seen = recorder();
    const { feed, started } = await feedWith([seen], dir);
    await feed.idle();
    expect(started.recovered).toBe(2);
    const read = async (SK: string) =>
      (await local.table.doc.send(new GetCommand({ TableName: 'bassin', Key: { PK: pk, SK } }))).Item;
    expect(await read('NEVER-SENT')).toEqual(put);
    expect((await read('COUNTER'))?.n).toBe(2);
    expect(seen.records.map((r) => [r.eventName, r.dynamodb?.Keys?.SK?.S]).sort()).toEqual([
      ['INSERT', 'NEVER-SENT'],
      ['MODIFY', 'COUNTER'],
    ]);
  });

  it('keeps records 24 hours', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'feed-')), 'stream');
    const log = await StreamLog.open(dir);
    await log.finish(await log.begin({ command: 'PutItemCommand', input: {}, keys: [], old: [] }), [
      { keys: marshall({ PK: 'OLD', SK: 'A' }) },
    ]);
    await log.close();
    const reopened = await StreamLog.open(dir);
    const [oldest] = (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).sort();
    const dayAgo = new Date(Date.now() - 24 * 3_600_000 - 60_000);
    await utimes(join(dir, oldest as string), dayAgo, dayAgo);
    expect(await reopened.trim()).toBe(1);
    expect(await readdir(dir)).not.toContain(oldest);
    await reopened.close();
  });
});
