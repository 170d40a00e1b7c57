import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type SeekerProfile, seekerSchemaVersion, upgradeSeekerProfile } from '../../domain/seeker';
import type { SeekerStore } from '../../ports/store';
import type { TableClient } from './client';
import { isErased } from './erasure-guard';
import { deleteKeys, domainOf, putIfAbsent, putIfVersion, queryAll, queryPartitionsBelow } from './items';
import { seekerKeys } from './keys/seeker-keys';

const tombstoneSeconds = 30 * 24 * 3600;

/** The item a seeker's profile is stored as (also for a bulk load: the seed). */
export const seekerItem = (profile: SeekerProfile) => ({
  ...seekerKeys.profile(profile.id),
  ...seekerKeys.activity(profile.updatedAt, profile.id),
  entity: seekerKeys.entity,
  schemaVersion: seekerSchemaVersion,
  ...profile,
});

export function dynamoSeekerStore(table: TableClient): SeekerStore {
  const { doc, tableName } = table;
  const toItem = seekerItem;

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
            entity: seekerKeys.tombstoneEntity,
            erasedAt: at.toISOString(),
            // Longer than DynamoDB Streams keep records (24 h) and than consumers retry them.
            expiresAt: Math.floor(at.getTime() / 1000) + tombstoneSeconds,
          },
        }),
      );
    },

    isErased: (id) => isErased(table, id),

    async clearErased(id) {
      await doc.send(new DeleteCommand({ TableName: tableName, Key: seekerKeys.tombstone(id) }));
    },

    async everything(id) {
      const [items, tombstone] = await Promise.all([
        queryAll(table, {
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': seekerKeys.partition(id) },
          ConsistentRead: true,
        }),
        doc.send(
          new GetCommand({ TableName: tableName, Key: seekerKeys.tombstone(id), ConsistentRead: true }),
        ),
      ]);
      const groups: Record<string, unknown[]> = {};
      for (const item of [...items, ...(tombstone.Item ? [tombstone.Item] : [])]) {
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
        await deleteKeys(
          table,
          keys.map((key) => ({ PK: key.PK, SK: key.SK })),
        );
        removed += keys.length;
        startKey = page.LastEvaluatedKey;
      } while (startKey);
      return removed;
    },
  };
}
