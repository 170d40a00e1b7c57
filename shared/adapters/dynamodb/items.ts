import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { StaleWriteError } from '../../ports/store';
import type { TableClient } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { keyAttributes, tableDesign } from './table-design';

/** The domain object stored in an item: everything but keys and storage bookkeeping. */
export function domainOf<T>(item: Record<string, unknown>): T {
  const object: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!keyAttributes.has(name) && name !== tableDesign.timeToLiveAttribute) object[name] = value;
  }
  return object as T;
}

/** An item whose TTL has passed is treated as gone (dynalite never deletes it; DynamoDB may lag). */
export function isExpired(item: Record<string, unknown>, nowMs = Date.now()): boolean {
  const expiresAt = item[tableDesign.timeToLiveAttribute];
  return typeof expiresAt === 'number' && expiresAt * 1000 <= nowMs;
}

/** Runs a conditional write; a failed condition becomes the port's StaleWriteError. */
export async function conditionally<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (
      error instanceof ConditionalCheckFailedException ||
      (error as Error).name === 'ConditionalCheckFailedException'
    ) {
      throw new StaleWriteError();
    }
    throw error;
  }
}

/** Create-if-absent: the one-item command write of a new entity. */
export function putIfAbsent({ doc, tableName }: TableClient, item: Record<string, unknown>) {
  return conditionally(() =>
    doc.send(
      new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
    ),
  );
}

/** Update-if-version: optimistic concurrency on the `version` attribute. */
export function putIfVersion(
  { doc, tableName }: TableClient,
  item: Record<string, unknown>,
  expectedVersion: number,
) {
  return conditionally(() =>
    doc.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }),
    ),
  );
}

/** Counts what queries cost, for benchmarks and fan-out measurements. */
export interface QueryMeter {
  requests: number;
  items: number;
  capacityUnits: number;
}
export const newMeter = (): QueryMeter => ({ requests: 0, items: 0, capacityUnits: 0 });

/** Runs a Query to its last page and returns every item. */
export async function queryAll(
  { doc }: TableClient,
  input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'ExclusiveStartKey'>,
  meter?: QueryMeter,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        ...input,
        ExclusiveStartKey: startKey,
        ...(meter ? { ReturnConsumedCapacity: 'TOTAL' } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    if (meter) {
      meter.requests++;
      meter.items += page.Items?.length ?? 0;
      meter.capacityUnits += page.ConsumedCapacity?.CapacityUnits ?? 0;
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * One page of a GSI query, with an opaque cursor that is only accepted back for the same
 * index and partition (a forged or foreign cursor is an InvalidCursorError, not a 500).
 */
export async function queryPage<T>(
  { doc, tableName }: TableClient,
  spec: {
    index: 'GSI1' | 'GSI2' | 'GSI3';
    partition: string;
    sortPrefix?: string;
    newestFirst?: boolean;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: T[]; nextCursor?: string }> {
  const pk = `${spec.index}PK`;
  const sk = `${spec.index}SK`;
  const startKey = decodeCursor(spec.cursor, {
    attributes: ['PK', 'SK', pk, sk],
    partition: [pk, spec.partition],
  });
  const result = await doc.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: spec.index,
      KeyConditionExpression: spec.sortPrefix ? `${pk} = :p AND begins_with(${sk}, :s)` : `${pk} = :p`,
      ExpressionAttributeValues: {
        ':p': spec.partition,
        ...(spec.sortPrefix ? { ':s': spec.sortPrefix } : {}),
      },
      ScanIndexForward: !spec.newestFirst,
      Limit: spec.limit,
      ExclusiveStartKey: startKey,
    }),
  );
  const items = (result.Items ?? []).map((item) => domainOf<T>(item));
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return nextCursor ? { items, nextCursor } : { items };
}

/** Every domain object under one partition of an index. */
export async function indexPartition<T>(
  table: TableClient,
  index: 'GSI1' | 'GSI2' | 'GSI3',
  partition: string,
): Promise<T[]> {
  const items = await queryAll(table, {
    TableName: table.tableName,
    IndexName: index,
    KeyConditionExpression: `${index}PK = :p`,
    ExpressionAttributeValues: { ':p': partition },
  });
  return items.map((item) => domainOf<T>(item));
}

/** One index, several partitions (days, months) read in parallel, each up to a sort-key bound. */
export async function queryPartitionsBelow(
  table: TableClient,
  spec: { index: 'GSI1' | 'GSI2' | 'GSI3'; partitions: string[]; below: string; projection?: string },
): Promise<Record<string, unknown>[]> {
  const pages = await Promise.all(
    spec.partitions.map((partition) =>
      queryAll(table, {
        TableName: table.tableName,
        IndexName: spec.index,
        KeyConditionExpression: `${spec.index}PK = :p AND ${spec.index}SK < :below`,
        ExpressionAttributeValues: { ':p': partition, ':below': spec.below },
        ...(spec.projection ? { ProjectionExpression: spec.projection } : {}),
      }),
    ),
  );
  return pages.flat();
}

type WriteRequest =
  | { DeleteRequest: { Key: Record<string, unknown> } }
  | { PutRequest: { Item: Record<string, unknown> } };

/** Writes requests 25 per BatchWrite, `width` at a time, retrying what DynamoDB leaves unprocessed under load. */
async function batchWrite({ doc, tableName }: TableClient, all: WriteRequest[], width: number) {
  const chunks = Array.from({ length: Math.ceil(all.length / 25) }, (_, i) => all.slice(i * 25, i * 25 + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, chunks.length) }, async () => {
      for (let requests = chunks[next++]; requests; requests = chunks[next++]) {
        for (let attempt = 0; requests.length > 0; attempt++) {
          if (attempt > 8) throw new Error('BatchWrite kept leaving items unprocessed');
          if (attempt > 0)
            await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
          const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
          requests = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
        }
      }
    }),
  );
}

/** Deletes items by key, 25 per BatchWrite. */
export const deleteKeys = (table: TableClient, keys: Record<string, unknown>[]) =>
  batchWrite(
    table,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
    1,
  );

/**
 * Bulk load: puts whole items (no condition), 25 per BatchWrite and `width` BatchWrites at a
 * time, so that the table's partitions are written in parallel.
 */
export const putItems = (table: TableClient, items: Record<string, unknown>[], width = 8) =>
  batchWrite(
    table,
    items.map((Item) => ({ PutRequest: { Item } })),
    width,
  );
