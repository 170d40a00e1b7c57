import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { setting } from '../configuration';
import { tableDesign } from './table-design';

/**
 * Where Powertools keeps one route's idempotency records (shared/http/idempotency.ts): in
 * the table, one item per caller × key under the route's own partition, expiring by TTL.
 * The table name (setting tableName) is read when the records are first needed.
 */
export function idempotencyRecords(operationId: string): BasePersistenceLayer {
  return new DynamoDBPersistenceLayer({
    tableName: setting('tableName') ?? '',
    keyAttr: tableDesign.partitionKey,
    sortKeyAttr: tableDesign.sortKey,
    staticPkValue: `IDEMPOTENCY#${operationId}`,
    expiryAttr: tableDesign.timeToLiveAttribute,
  });
}
