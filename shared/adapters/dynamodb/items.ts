import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { StaleWriteError } from '../../ports/store';
import type { TableClient } from './client';
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
