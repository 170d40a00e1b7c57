import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Area } from '../../domain/planning/areas';
import type { AreaStore } from '../../ports/statistics';
import type { TableClient } from './client';
import { domainOf, putIfAbsent, putIfVersion, queryAll } from './items';
import { areaKeys } from './keys/area-keys';

export function dynamoAreaStore(table: TableClient): AreaStore {
  const toItem = (area: Area) => ({ ...areaKeys.primary(area.id), entity: areaKeys.entity, ...area });
  return {
    async get(id) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: areaKeys.primary(id), ConsistentRead: true }),
      );
      return Item && domainOf<Area>(Item);
    },
    async save(area, expectedVersion) {
      if (expectedVersion === undefined) await putIfAbsent(table, toItem(area));
      else await putIfVersion(table, toItem(area), expectedVersion);
    },
    async list() {
      const items = await queryAll(table, {
        TableName: table.tableName,
        KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)',
        ExpressionAttributeValues: { ':p': areaKeys.partition, ':s': areaKeys.sortPrefix },
      });
      return items.map((item) => domainOf<Area>(item));
    },
  };
}
