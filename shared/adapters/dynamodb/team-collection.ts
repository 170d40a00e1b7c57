import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableClient } from './client';
import { domainOf, putIfAbsent, putIfVersion, queryAll } from './items';

/**
 * What a planning team keeps together (areas, scenarios): one shared partition of
 * versioned items, read by id or all at once (tens of them, not millions).
 */
export function teamCollection<T extends { id: string }>(
  table: TableClient,
  keys: { entity: string; partition: string; sortPrefix: string },
) {
  const key = (id: string) => ({ PK: keys.partition, SK: `${keys.sortPrefix}${id}` });
  const toItem = (value: T) => ({ ...key(value.id), entity: keys.entity, ...value });
  return {
    async get(id: string): Promise<T | undefined> {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: key(id), ConsistentRead: true }),
      );
      return Item && domainOf<T>(Item);
    },
    async save(value: T, expectedVersion: number | undefined) {
      if (expectedVersion === undefined) await putIfAbsent(table, toItem(value));
      else await putIfVersion(table, toItem(value), expectedVersion);
    },
    async list(): Promise<T[]> {
      const items = await queryAll(table, {
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)',
        ExpressionAttributeValues: { ':p': keys.partition, ':s': keys.sortPrefix },
      });
      return items.map((item) => domainOf<T>(item));
    },
  };
}
