import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AcceptanceNotice, EmployerNoticeStore } from '../../ports/matching';
import { StaleWriteError } from '../../ports/store';
import type { TableClient } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { conditionally } from './items';
import { employerNoticeKeys } from './keys/employer-notice-keys';

/** Notices are kept 90 days (TTL): they point to matches, which carry the details. */
const keepSeconds = 90 * 24 * 3600;

export function dynamoEmployerNoticeStore(table: TableClient): EmployerNoticeStore {
  const { doc, tableName } = table;
  return {
    async add(employerId, notice) {
      try {
        await conditionally(() =>
          doc.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...employerNoticeKeys.primary(employerId, notice.at, notice.matchId),
                entity: employerNoticeKeys.entity,
                ...notice,
                expiresAt: Math.floor(Date.parse(notice.at) / 1000) + keepSeconds,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            }),
          ),
        );
      } catch (error) {
        // Already recorded (a redelivered record): nothing to do.
        if (!(error instanceof StaleWriteError)) throw error;
      }
    },

    async page(employerId, { limit, cursor }) {
      const partition = employerNoticeKeys.partition(employerId);
      const result = await doc.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)',
          ExpressionAttributeValues: { ':p': partition, ':s': employerNoticeKeys.sortPrefix },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: decodeCursor(cursor, { attributes: ['PK', 'SK'], partition: ['PK', partition] }),
        }),
      );
      const now = Date.now() / 1000;
      const items = (result.Items ?? [])
        .filter((item) => typeof item.expiresAt !== 'number' || item.expiresAt > now)
        .map(
          (item): AcceptanceNotice => ({
            matchId: item.matchId,
            vacancyId: item.vacancyId,
            vacancyTitle: item.vacancyTitle,
            at: item.at,
          }),
        );
      const nextCursor = encodeCursor(result.LastEvaluatedKey);
      return nextCursor ? { items, nextCursor } : { items };
    },

    async seenUntil(employerId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: employerNoticeKeys.seen(employerId) }),
      );
      return Item?.seenUntil as string | undefined;
    },

    async markSeen(employerId, at) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...employerNoticeKeys.seen(employerId),
            entity: employerNoticeKeys.seenEntity,
            seenUntil: at,
          },
        }),
      );
    },
  };
}
