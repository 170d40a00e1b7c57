import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Vacancy } from '../../domain/vacancy';
import type { Page, PageRequest, VacancyStore } from '../../ports/store';
import type { TableClient } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { domainOf, putIfAbsent, putIfVersion } from './items';
import { vacancyKeys } from './keys/vacancy-keys';

export function dynamoVacancyStore(table: TableClient): VacancyStore {
  const { doc, tableName } = table;
  const toItem = (vacancy: Vacancy) => ({
    ...vacancyKeys.primary(vacancy.id),
    ...vacancyKeys.byOwner(vacancy.owner, vacancy.createdAt, vacancy.id),
    ...vacancyKeys.open(vacancy),
    entity: vacancyKeys.entity,
    ...vacancy,
  });

  return {
    async create(vacancy) {
      await putIfAbsent(table, toItem(vacancy));
    },

    async get(id) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: vacancyKeys.primary(id), ConsistentRead: true }),
      );
      return Item && domainOf<Vacancy>(Item);
    },

    async replace(vacancy, expectedVersion) {
      await putIfVersion(table, toItem(vacancy), expectedVersion);
    },

    async listByOwner(owner, { limit, cursor }: PageRequest): Promise<Page<Vacancy>> {
      const partition = vacancyKeys.byOwnerPartition(owner);
      const startKey = decodeCursor(cursor, {
        attributes: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
        partition: ['GSI1PK', partition],
      });
      const result = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :owner AND begins_with(GSI1SK, :prefix)',
          ExpressionAttributeValues: { ':owner': partition, ':prefix': 'VACANCY#' },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      const page: Page<Vacancy> = { items: (result.Items ?? []).map((item) => domainOf<Vacancy>(item)) };
      const nextCursor = encodeCursor(result.LastEvaluatedKey);
      if (nextCursor) page.nextCursor = nextCursor;
      return page;
    },
  };
}
