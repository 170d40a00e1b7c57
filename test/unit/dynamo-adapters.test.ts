import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { encodeCursor } from '../../shared/adapters/dynamodb/cursor';
import { seekerKeys } from '../../shared/adapters/dynamodb/keys/seeker-keys';
import { dynamoMatchIndex, reachIndexItems } from '../../shared/adapters/dynamodb/match-index';
import { dynamoSeekerStore } from '../../shared/adapters/dynamodb/seeker-store';
import { dynamoVacancyStore } from '../../shared/adapters/dynamodb/vacancy-store';
import type { SeekerProfile } from '../../shared/domain/seeker';
import { InvalidCursorError, StaleWriteError } from '../../shared/ports/store';
import { paluSeekerProfile, storedVacancy } from '../support/samples';

const doc = documentClient(new DynamoDBClient({ region: 'eu-west-3' }));
const ddb = mockClient(DynamoDBDocumentClient);
const table = { doc, tableName: 'bassin' };
const vacancy = {
  ...storedVacancy(),
  id: 'v1',
  owner: 'acme',
  status: 'open' as const,
  version: 1,
  createdAt: '2026-11-26T08:00:00.000Z',
  updatedAt: '2026-11-26T08:00:00.000Z',
};

beforeEach(() => ddb.reset());

describe('vacancy store', () => {
  it('creates with its keys, only if absent', async () => {
    ddb.on(PutCommand).resolves({});
    await dynamoVacancyStore(table).create(vacancy);
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      TableName: 'bassin',
      ConditionExpression: 'attribute_not_exists(PK)',
      Item: expect.objectContaining({
        PK: 'VACANCY#v1',
        SK: 'VACANCY',
        GSI1PK: 'EMPLOYER#acme',
        GSI1SK: 'VACANCY#2026-11-26T08:00:00.000Z#v1',
        entity: 'Vacancy',
        title: vacancy.title,
      }),
    });
  });

  it('turns a failed condition into StaleWriteError', async () => {
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    await expect(dynamoVacancyStore(table).replace({ ...vacancy, version: 2 }, 1)).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      ConditionExpression: '#version = :expected',
      ExpressionAttributeValues: { ':expected': 1 },
    });
  });

  it('reads consistently and strips storage attributes', async () => {
    ddb.on(GetCommand).resolves({
      Item: { PK: 'VACANCY#v1', SK: 'VACANCY', GSI1PK: 'x', GSI1SK: 'y', entity: 'Vacancy', ...vacancy },
    });
    expect(await dynamoVacancyStore(table).get('v1')).toEqual(vacancy);
    expect(ddb).toHaveReceivedCommandWith(GetCommand, {
      ConsistentRead: true,
      Key: { PK: 'VACANCY#v1', SK: 'VACANCY' },
    });
  });

  it('lists by owner on GSI1, newest first, with an opaque cursor', async () => {
    const lastKey = { PK: 'VACANCY#v1', SK: 'VACANCY', GSI1PK: 'EMPLOYER#acme', GSI1SK: 'VACANCY#t#v1' };
    ddb.on(QueryCommand).resolves({ Items: [vacancy], LastEvaluatedKey: lastKey });
    const page = await dynamoVacancyStore(table).listByOwner('acme', { limit: 1 });
    expect(page.items).toEqual([vacancy]);
    expect(page.nextCursor).toBe(encodeCursor(lastKey));
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: 'GSI1',
      ScanIndexForward: false,
      Limit: 1,
      ExpressionAttributeValues: { ':p': 'EMPLOYER#acme', ':s': 'VACANCY#' },
    });
    await dynamoVacancyStore(table).listByOwner('acme', { limit: 1, cursor: page.nextCursor });
    expect(ddb).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: lastKey });
  });

  it("refuses a cursor for another owner's list, or a forged one, without querying", async () => {
    const rival = encodeCursor({
      PK: 'VACANCY#v9',
      SK: 'VACANCY',
      GSI1PK: 'EMPLOYER#rival',
      GSI1SK: 'VACANCY#t#v9',
    });
    const store = dynamoVacancyStore(table);
    for (const cursor of [
      rival,
      'not-base64-json',
      encodeCursor({ GSI1PK: 'EMPLOYER#acme' }),
      encodeCursor({ PK: 1, SK: 2, GSI1PK: 'EMPLOYER#acme', GSI1SK: 3 }),
    ]) {
      await expect(store.listByOwner('acme', { limit: 5, cursor })).rejects.toBeInstanceOf(
        InvalidCursorError,
      );
    }
    expect(ddb).not.toHaveReceivedCommand(QueryCommand);
  });
});

describe('seeker store erasure', () => {
  it('deletes the profile first, then every other item of the person, retrying unprocessed ones', async () => {
    ddb.on(DeleteCommand).resolves({ Attributes: { PK: 'SEEKER#lea', SK: 'PROFILE' } });
    const others = Array.from({ length: 30 }, (_, i) => ({ PK: 'SEEKER#lea', SK: `MATCH#${i}` }));
    ddb.on(QueryCommand).resolves({ Items: others });
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { bassin: [{ DeleteRequest: { Key: others[0] } }] } })
      .resolves({});
    expect(await dynamoSeekerStore(table).erase('lea')).toBe(31);
    expect(ddb).toHaveReceivedCommandWith(DeleteCommand, { Key: { PK: 'SEEKER#lea', SK: 'PROFILE' } });
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      ExpressionAttributeValues: { ':pk': 'SEEKER#lea' },
    });
    // 25 + 5 keys, plus one retry of the unprocessed key.
    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, 3);
    expect(ddb).toHaveReceivedNthCommandWith(BatchWriteCommand, 2, {
      RequestItems: { bassin: [{ DeleteRequest: { Key: others[0] } }] },
    });
  });
});

describe('match index', () => {
  it("writes a seeker's reach items in BatchWrites of 25, not one request per item", async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(GetCommand).resolves({});
    const profile = { ...paluSeekerProfile(), id: 'lea' } as unknown as SeekerProfile;
    const home = { lat: 43.31117, lon: -0.35583 };
    const items = reachIndexItems('lea', profile, home, 30);
    // Two sectors × two shift classes × eight directions.
    expect(items.length).toBeGreaterThan(25);
    await dynamoMatchIndex(table).reindexSeeker('lea', profile, home, 30);
    expect(ddb).not.toHaveReceivedCommand(PutCommand);
    expect(ddb).toHaveReceivedCommandTimes(BatchWriteCommand, Math.ceil(items.length / 25));
    const written = ddb
      .commandCalls(BatchWriteCommand)
      .flatMap((call) => call.args[0].input.RequestItems?.bassin ?? [])
      .map((request) => request.PutRequest?.Item?.SK);
    expect(written.sort()).toEqual(items.map((item) => item.SK).sort());
    // And the tombstone is checked after the write (erasure wins the race).
    expect(ddb).toHaveReceivedCommandWith(GetCommand, { Key: seekerKeys.tombstone('lea') });
  });
});
