import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { bucketKey, counter, entityKey, mark } from '../../domain/planning/codes';
import type { Counts } from '../../domain/planning/contributions';
import type { ContributionRecord, StatisticsStore } from '../../ports/statistics';
import type { TableClient } from './client';
import { conditionally, queryAll } from './items';
import { statisticsKeys } from './keys/statistics-keys';

const isConditionFailure = (error: unknown) =>
  error instanceof ConditionalCheckFailedException ||
  (error as Error).name === 'ConditionalCheckFailedException';

const countersOf = (item: Record<string, unknown> | undefined): Counts => {
  const counts: Counts = {};
  for (const [name, value] of Object.entries(item ?? {}))
    if (!mark.is(name) && counter.decode(name) && typeof value === 'number') counts[name] = value;
  return counts;
};

/** How statistics are stored, item by item: the store writes them so, a bulk load (the seed) too. */
export const statisticsItems = {
  record: (record: ContributionRecord): Record<string, unknown> => ({
    ...statisticsKeys.record(record.entityKey),
    ...(record.live ? statisticsKeys.live(record.through, record.entityKey) : {}),
    entity: statisticsKeys.recordEntity,
    ...record,
  }),
  bucket: (bucket: string, counts: Counts): Record<string, unknown> => {
    const { unit, month } = bucketKey.decode(bucket);
    return { ...statisticsKeys.bucket(unit, month), entity: statisticsKeys.bucketEntity, ...counts };
  },
  start: (month: string): Record<string, unknown> => ({ ...statisticsKeys.start, month }),
};

export function dynamoStatisticsStore(table: TableClient): StatisticsStore {
  const { doc, tableName } = table;
  return {
    async record(entityKey) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: statisticsKeys.record(entityKey), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { entityKey: key, seq, through, applied, pending, live } = Item as ContributionRecord;
      return { entityKey: key, seq, through, applied, live, ...(pending ? { pending } : {}) };
    },

    async saveRecord(record, expectedSeq) {
      await conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: statisticsItems.record(record),
            ...(expectedSeq === undefined
              ? { ConditionExpression: 'attribute_not_exists(PK)' }
              : {
                  ConditionExpression: 'seq = :expected',
                  ExpressionAttributeValues: { ':expected': expectedSeq },
                }),
          }),
        ),
      );
    },

    async deleteRecord(entityKey, seq) {
      await doc
        .send(
          new DeleteCommand({
            TableName: tableName,
            Key: statisticsKeys.record(entityKey),
            ConditionExpression: 'seq = :seq AND attribute_not_exists(pending)',
            ExpressionAttributeValues: { ':seq': seq },
          }),
        )
        .catch((error) => {
          if (!isConditionFailure(error)) throw error;
        });
    },

    async applyOnce(bucket, delta, mark, seq) {
      const { unit, month } = bucketKey.decode(bucket);
      const names: Record<string, string> = { '#mark': mark, '#entity': 'entity' };
      const values: Record<string, unknown> = { ':seq': seq, ':entity': statisticsKeys.bucketEntity };
      const additions = Object.entries(delta).map(([attribute, value], i) => {
        names[`#a${i}`] = attribute;
        values[`:v${i}`] = value;
        return `#a${i} :v${i}`;
      });
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: statisticsKeys.bucket(unit, month),
            UpdateExpression: `SET #mark = :seq, #entity = :entity ADD ${additions.join(', ')}`,
            ConditionExpression: 'attribute_not_exists(#mark) OR #mark < :seq',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
      } catch (error) {
        // The mark is there: this very change was applied by an earlier delivery.
        if (!isConditionFailure(error)) throw error;
      }
    },

    async clearMark(bucket, mark) {
      const { unit, month } = bucketKey.decode(bucket);
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: statisticsKeys.bucket(unit, month),
          UpdateExpression: 'REMOVE #mark',
          ExpressionAttributeNames: { '#mark': mark },
        }),
      );
    },

    async liveThrough(month) {
      const items = await queryAll(table, {
        TableName: tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :p',
        ExpressionAttributeValues: { ':p': statisticsKeys.livePartition(month) },
        ProjectionExpression: 'entityKey',
      });
      return items.map((item) => entityKey.parse(String(item.entityKey)));
    },

    async buckets(unit, from, to) {
      const items = await queryAll(table, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': statisticsKeys.bucketPartition(unit), ':from': from, ':to': to },
      });
      return new Map(items.map((item) => [String(item.SK), countersOf(item)]));
    },

    async firstMonth() {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: statisticsKeys.start }));
      return typeof Item?.month === 'string' ? Item.month : undefined;
    },

    async noteCountedMonth(month) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: statisticsKeys.start,
            UpdateExpression: 'SET #month = :month',
            ConditionExpression: 'attribute_not_exists(#month) OR #month > :month',
            ExpressionAttributeNames: { '#month': 'month' },
            ExpressionAttributeValues: { ':month': month },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    async bucketsOf(units, month) {
      const found = new Map<string, Counts>();
      const unique = [...new Set(units)];
      for (let start = 0; start < unique.length; start += 100) {
        let keys: Record<string, unknown>[] = unique
          .slice(start, start + 100)
          .map((unit) => statisticsKeys.bucket(unit, month));
        for (let attempt = 0; keys.length > 0; attempt++) {
          if (attempt > 0)
            await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 6)));
          const answer = await doc.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }),
          );
          for (const item of answer.Responses?.[tableName] ?? [])
            found.set(String(item.PK), countersOf(item));
          keys = (answer.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        }
      }
      return units.map((unit) => found.get(statisticsKeys.bucketPartition(unit)) ?? {});
    },
  };
}
