import type { AddressInfo } from 'node:net';
import {
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable, localClientConfig } from '../../infra/local/dynalite';

// A dynalite that takes its time creating tables, as a busy machine makes the real one do.
const server = dynalite({ createTableMs: 300 });
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ensureTable', () => {
  it('returns only once the new table is ACTIVE, marks it migrated, and is a no-op the second time', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = new DynamoDBClient(localClientConfig(endpoint));
    await ensureTable(endpoint, 'bassin');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'bassin' }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    // A new table has no reach items of the first format: it is marked migrated from the start.
    const marker = { PK: { S: 'META#REACH_INDEX' }, SK: { S: 'FORMAT' } };
    expect(
      (await client.send(new GetItemCommand({ TableName: 'bassin', Key: marker }))).Item?.format,
    ).toEqual({
      N: '2',
    });
    // An existing table is left as it is (a table written before format 2 must be migrated).
    await client.send(new DeleteItemCommand({ TableName: 'bassin', Key: marker }));
    await ensureTable(endpoint, 'bassin');
    expect(
      (await client.send(new GetItemCommand({ TableName: 'bassin', Key: marker }))).Item,
    ).toBeUndefined();
    client.destroy();
  });
});
