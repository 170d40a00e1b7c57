import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { type SeekerProfile, seekerSchemaVersion, upgradeSeekerProfile } from '../../domain/seeker';
import type { SeekerStore } from '../../ports/store';
import type { TableClient } from './client';
import { domainOf, isExpired, putIfAbsent, putIfVersion, queryAll, queryPartitionsBelow } from './items';
import { seekerKeys } from './keys/seeker-keys';

const tombstoneSeconds = 30 * 24 * 3600;

export function dynamoSeekerStore(table: TableClient): SeekerStore {
  const { doc, tableName } = table;
  const toItem = (profile: SeekerProfile) => ({
    ...seekerKeys.profile(profile.id),
    ...seekerKeys.activity(profile.updatedAt, profile.id),
    entity: seekerKeys.entity,
    schemaVersion: seekerSchemaVersion,
    ...profile,
  });

  return {
    async get(id) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: seekerKeys.profile(id), ConsistentRead: true }),
      );
      return Item && upgradeSeekerProfile(domainOf(Item));
    },

    async create(profile) {
      await putIfAbsent(table, toItem(profile));
    },

    async replace(profile, expectedVersion) {
      await putIfVersion(table, toItem(profile), expectedVersion);
    },

    async inactiveSince(cutoff, monthsBack) {
      const iso = cutoff.toISOString();
      const months = Array.from({ length: monthsBack + 1 }, (_, i) => {
        const d = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() - i, 1));
        return d.toISOString().slice(0, 7);
      });
      const items = await queryPartitionsBelow(table, {
        index: 'GSI3',
        partitions: months.map(seekerKeys.activityPartition),
        below: iso,
        projection: 'id',
      });
      return items.map((item) => String(item.id));
    },

    async markErased(id, at) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...seekerKeys.tombstone(id),
            entity: 'Tombstone',
            erasedAt: at.toISOString(),
            // Longer than DynamoDB Streams keep records (24 h) and than consumers retry them.
            expiresAt: Math.floor(at.getTime() / 1000) + tombstoneSeconds,
          },
        }),
      );
    },

    async isErased(id) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: seekerKeys.tombstone(id), ConsistentRead: true }),
      );
      return Item !== undefined && !isExpired(Item);
    },

    async clearErased(id) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: seekerKeys.tombstone(id) }));
    },

    async everything(id) {
      const items = await queryAll(table, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': seekerKeys.partition(id) },
        ConsistentRead: true,
      });
      const groups: Record<string, unknown[]> = {};
      for (const item of items) {
        const kind = String(item.entity ?? 'Other');
        groups[kind] = [...(groups[kind] ?? []), domainOf(item)];
      }
      return groups;
    },

    async erase(id) {
      // The profile goes first: its REMOVE record is what downstream consumers react to.
      const { Attributes } = await doc.send(
        new DeleteCommand({ TableName: tableName, Key: seekerKeys.profile(id), ReturnValues: 'ALL_OLD' }),
      );
      let removed = Attributes ? 1 : 0;
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': seekerKeys.partition(id) },
            ProjectionExpression: 'PK, SK',
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        const keys = page.Items ?? [];
        for (let i = 0; i < keys.length; i += 25) {
          await batchDelete(
            doc,
            tableName,
            keys.slice(i, i + 25).map((key) => ({ PK: key.PK, SK: key.SK })),
          );
        }
        removed += keys.length;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return removed;
    },
  };
}

/** BatchWrite may leave items unprocessed under load: retry those with backoff until done. */
async function batchDelete(doc: TableClient['doc'], tableName: string, keys: Record<string, unknown>[]) {
  let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
    if (attempt > 8) throw new Error('BatchWrite kept leaving items unprocessed');
    const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
  }
}
