import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Match } from '../../domain/match';
import type { MatchStore } from '../../ports/matching';
import { StaleWriteError } from '../../ports/store';
import type { TableClient } from './client';
import { conditionally, domainOf, indexPartition, queryAll, queryPage } from './items';
import { matchKeys } from './keys/match-keys';

/** Fields the matcher owns; the seeker's answer (response, contact, respondedAt) and createdAt are never overwritten. */
const computedFields = [
  'id',
  'vacancyId',
  'seekerId',
  'employerId',
  'status',
  'score',
  'explanation',
  'commute',
  'vacancy',
  'candidate',
  'updatedAt',
] as const;

/**
 * The whole item of a match as save, respond and withdraw leave it (listed in GSI1 and GSI3
 * only while active), for a bulk load (the seed).
 */
export const matchItem = (match: Match): Record<string, unknown> => ({
  ...match,
  ...matchKeys.primary(match.seekerId, match.vacancyId),
  ...matchKeys.byId(match.id),
  ...(match.status === 'active'
    ? {
        ...matchKeys.bySeeker(match.seekerId, match.score, match.vacancyId),
        ...matchKeys.byVacancy(match.vacancyId, match.score, match.id),
      }
    : {}),
  entity: matchKeys.entity,
});

export function dynamoMatchStore(table: TableClient): MatchStore {
  const { doc, tableName } = table;

  return {
    async get(id) {
      const [found] = await indexPartition<Match>(table, 'GSI2', matchKeys.byIdPartition(id));
      return found;
    },

    activeForVacancy: (vacancyId) =>
      indexPartition<Match>(table, 'GSI3', matchKeys.byVacancyPartition(vacancyId)),
    activeForSeeker: (seekerId) =>
      indexPartition<Match>(table, 'GSI1', matchKeys.bySeekerPartition(seekerId)),

    async save(match) {
      const values: Record<string, unknown> = {
        ...Object.fromEntries(computedFields.map((field) => [field, match[field]])),
        ...matchKeys.byId(match.id),
        ...matchKeys.bySeeker(match.seekerId, match.score, match.vacancyId),
        ...matchKeys.byVacancy(match.vacancyId, match.score, match.id),
        entity: matchKeys.entity,
      };
      const names = Object.keys(values);
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: matchKeys.primary(match.seekerId, match.vacancyId),
          UpdateExpression: `SET ${names.map((_, i) => `#f${i} = :v${i}`).join(', ')}, #response = if_not_exists(#response, :pending), #createdAt = if_not_exists(#createdAt, :createdAt) REMOVE #withdrawnReason`,
          ExpressionAttributeNames: {
            ...Object.fromEntries(names.map((name, i) => [`#f${i}`, name])),
            '#response': 'response',
            '#createdAt': 'createdAt',
            '#withdrawnReason': 'withdrawnReason',
          },
          ExpressionAttributeValues: {
            ...Object.fromEntries(names.map((name, i) => [`:v${i}`, values[name]])),
            ':pending': 'pending',
            ':createdAt': match.createdAt,
          },
        }),
      );
    },

    async remove(match) {
      await doc.send(
        new DeleteCommand({ TableName: tableName, Key: matchKeys.primary(match.seekerId, match.vacancyId) }),
      );
    },

    async withdraw(match, reason, at) {
      try {
        await conditionally(() =>
          doc.send(
            new UpdateCommand({
              TableName: tableName,
              Key: matchKeys.primary(match.seekerId, match.vacancyId),
              UpdateExpression: `SET #status = :withdrawn, withdrawnReason = :reason, updatedAt = :at REMOVE ${matchKeys.listedAttributes.join(', ')}`,
              ConditionExpression: '#status = :active',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':withdrawn': 'withdrawn',
                ':active': 'active',
                ':reason': reason,
                ':at': at,
              },
            }),
          ),
        );
      } catch (error) {
        // Already withdrawn, or erased with its seeker: nothing left to do.
        if (!(error instanceof StaleWriteError)) throw error;
      }
    },

    async respond(match, response, contact, at) {
      const { Attributes } = await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: matchKeys.primary(match.seekerId, match.vacancyId),
            UpdateExpression: contact
              ? 'SET #response = :response, respondedAt = :at, updatedAt = :at, contact = :contact'
              : 'SET #response = :response, respondedAt = :at, updatedAt = :at REMOVE contact',
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
            ExpressionAttributeValues: {
              ':response': response,
              ':at': at,
              ':active': 'active',
              ...(contact ? { ':contact': contact } : {}),
            },
            ReturnValues: 'ALL_NEW',
          }),
        ),
      );
      return domainOf<Match>(Attributes ?? {});
    },

    pageForSeeker: (seekerId, { limit, cursor }) =>
      queryPage<Match>(table, {
        index: 'GSI1',
        partition: matchKeys.bySeekerPartition(seekerId),
        limit,
        cursor,
      }),
    pageForVacancy: (vacancyId, { limit, cursor }) =>
      queryPage<Match>(table, {
        index: 'GSI3',
        partition: matchKeys.byVacancyPartition(vacancyId),
        limit,
        cursor,
      }),

    // One pass over the vacancy's candidate list, reading only each answer: counts are exact, not a page's.
    async countsForVacancy(vacancyId) {
      const items = await queryAll(table, {
        TableName: tableName,
        IndexName: 'GSI3',
        KeyConditionExpression: 'GSI3PK = :p',
        ExpressionAttributeValues: { ':p': matchKeys.byVacancyPartition(vacancyId) },
        ProjectionExpression: '#response',
        ExpressionAttributeNames: { '#response': 'response' },
      });
      const answered = (answer: string) => items.filter((item) => item.response === answer).length;
      return { candidates: items.length, accepted: answered('accepted'), declined: answered('declined') };
    },
  };
}
