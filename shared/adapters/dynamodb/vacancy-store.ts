import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { cellOf } from '../../domain/geo';
import { locateSite } from '../../domain/locate';
import { upgradeVacancy, type Vacancy, vacancySchemaVersion } from '../../domain/vacancy';
import type { Page, PageRequest, VacancyStore } from '../../ports/store';
import type { TableClient } from './client';
import { domainOf, putIfAbsent, putIfVersion, queryPage } from './items';
import { openVacancyLevel, vacancyKeys } from './keys/vacancy-keys';

/** The item a vacancy is stored as (also for a bulk load: the seed). */
export const vacancyItem = (vacancy: Vacancy) => ({
  ...vacancyKeys.primary(vacancy.id),
  ...vacancyKeys.byOwner(vacancy.owner, vacancy.createdAt, vacancy.id),
  ...vacancyKeys.open(vacancy, cellOf(locateSite(vacancy.site).point, openVacancyLevel)),
  entity: vacancyKeys.entity,
  schemaVersion: vacancySchemaVersion,
  ...vacancy,
});

export function dynamoVacancyStore(table: TableClient): VacancyStore {
  const { doc, tableName } = table;
  const toItem = vacancyItem;

  return {
    async create(vacancy) {
      await putIfAbsent(table, toItem(vacancy));
    },

    async get(id) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: vacancyKeys.primary(id), ConsistentRead: true }),
      );
      return Item && upgradeVacancy(domainOf(Item));
    },

    async replace(vacancy, expectedVersion) {
      await putIfVersion(table, toItem(vacancy), expectedVersion);
    },

    async listByOwner(owner, { limit, cursor }: PageRequest): Promise<Page<Vacancy>> {
      const page = await queryPage<Record<string, unknown>>(table, {
        index: 'GSI1',
        partition: vacancyKeys.byOwnerPartition(owner),
        sortPrefix: 'VACANCY#',
        newestFirst: true,
        limit,
        cursor,
      });
      return { ...page, items: page.items.map(upgradeVacancy) };
    },
  };
}
