import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { localClientConfig, startDynalite } from '../../infra/local/dynalite';
import { cacheActiveTables, type DynaliteTableDb } from '../../infra/local/dynalite-table-cache';

/** A table store that answers from a map on the next tick, counting its reads. */
function fakeTableDb(tables: Record<string, { TableStatus: string }>) {
  const db = {
    reads: 0,
    get(key: string, cb: (error: Error | null, value?: unknown) => void) {
      db.reads++;
      const table = tables[key];
      setImmediate(() => (table ? cb(null, structuredClone(table)) : cb(new Error('NotFoundError'))));
    },
    put(key: string, value: unknown, cb: (error: Error | null) => void) {
      tables[key] = value as { TableStatus: string };
      setImmediate(() => cb(null));
    },
    del(key: string, cb: (error: Error | null) => void) {
      delete tables[key];
      setImmediate(() => cb(null));
    },
  };
  return db;
}
const read = (db: DynaliteTableDb, key: string) =>
  new Promise<unknown>((resolve, reject) =>
    db.get(key, (error, value) => (error ? reject(error) : resolve(value))),
  );
const write = (db: DynaliteTableDb, key: string, value: unknown) =>
  new Promise<void>((resolve) => db.put(key, value, () => resolve()));

describe('the table-description cache of the local DynamoDB', () => {
  it('reads an ACTIVE table once, and again after any description is written', async () => {
    const db = fakeTableDb({ bassin: { TableStatus: 'ACTIVE' } });
    cacheActiveTables(db);
    expect(await read(db, 'bassin')).toEqual({ TableStatus: 'ACTIVE' });
    expect(await read(db, 'bassin')).toEqual({ TableStatus: 'ACTIVE' });
    expect(db.reads).toBe(1);
    await write(db, 'bassin', { TableStatus: 'UPDATING' });
    expect(await read(db, 'bassin')).toEqual({ TableStatus: 'UPDATING' });
    expect(db.reads).toBe(2);
  });

  it('never keeps a table that is not ACTIVE, nor one read while a write was under way', async () => {
    const db = fakeTableDb({ creating: { TableStatus: 'CREATING' }, bassin: { TableStatus: 'ACTIVE' } });
    cacheActiveTables(db);
    await read(db, 'creating');
    await read(db, 'creating');
    expect(db.reads).toBe(2);
    const stale = read(db, 'bassin');
    const writing = write(db, 'bassin', { TableStatus: 'DELETING' });
    await Promise.all([stale, writing]);
    expect(await read(db, 'bassin')).toEqual({ TableStatus: 'DELETING' });
  });

  it('lets a table deleted and created again be seen as it now is, through the real dynalite', async () => {
    const dynamo = await startDynalite();
    const client = new DynamoDBClient(localClientConfig(dynamo.endpoint));
    const create = (key: string) =>
      client.send(
        new CreateTableCommand({
          TableName: 'recreated',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
          KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
        }),
      );
    const keyOf = async () =>
      (await client.send(new DescribeTableCommand({ TableName: 'recreated' }))).Table?.KeySchema?.[0]
        ?.AttributeName;
    await create('first');
    expect(await keyOf()).toBe('first');
    expect(await keyOf()).toBe('first');
    await client.send(new DeleteTableCommand({ TableName: 'recreated' }));
    await expect(keyOf()).rejects.toThrow(/not found/i);
    await create('second');
    expect(await keyOf()).toBe('second');
    client.destroy();
    await dynamo.stop();
  });
});
