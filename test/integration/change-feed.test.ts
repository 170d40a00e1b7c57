import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChangeFeed, type StreamHandler } from '../../infra/local/change-feed';
import { localClientConfig } from '../../infra/local/dynalite';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { startLocalTable } from '../support/local-table';

let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeAll(async () => {
  local = await startLocalTable();
});
afterAll(() => local.stop());

/** A fresh client with a fresh feed for each test, writing through lib-dynamodb like the functions. */
async function feedWith(...handlers: { handler: StreamHandler; batchSize?: number; entities?: string[] }[]) {
  const failureLog = join(await mkdtemp(join(tmpdir(), 'feed-')), 'failures.jsonl');
  const feed = new ChangeFeed({
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
  return { feed, doc: documentClient(base), failureLog };
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
    const { feed, doc } = await feedWith(seen);
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
    const { feed, doc } = await feedWith(seen);
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
    const { feed, doc } = await feedWith(seen);
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
    const { feed, doc } = await feedWith({ ...things, entities: ['Thing'] });
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
    const { feed, doc } = await feedWith({ handler, batchSize: 10 });
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
    const { feed, doc, failureLog } = await feedWith(slow);
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
});
