import type { AddressInfo } from 'node:net';
import {
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable, localClientConfig, stampedNotSigned, startDynalite } from '../../infra/local/dynalite';

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

describe('local clients', () => {
  it('stamp requests instead of signing them, and dynalite serves them', async () => {
    const local = await startDynalite();
    try {
      await ensureTable(local.endpoint, 'bassin');
      const client = stampedNotSigned(new DynamoDBClient(localClientConfig(local.endpoint)));
      // Stamping twice (the functions' shared client outlives a runtime) changes nothing.
      expect(stampedNotSigned(client)).toBe(client);
      const sent: Record<string, string>[] = [];
      client.middlewareStack.add(
        (next) => (args) => {
          sent.push({ ...(args.request as { headers: Record<string, string> }).headers });
          return next(args);
        },
        { step: 'finalizeRequest', priority: 'low', name: 'testRecorder' },
      );
      const key = { PK: { S: 'STAMP#1' }, SK: { S: 'X' } };
      await client.send(new PutItemCommand({ TableName: 'bassin', Item: { ...key, n: { N: '1' } } }));
      const { Item } = await client.send(new GetItemCommand({ TableName: 'bassin', Key: key }));
      expect(Item?.n).toEqual({ N: '1' });
      expect(sent).toHaveLength(2);
      for (const headers of sent) {
        expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=local\/.* Signature=local$/);
        expect(headers['x-amz-content-sha256']).toBeUndefined();
      }
      client.destroy();
    } finally {
      await local.stop();
    }
  });
});
