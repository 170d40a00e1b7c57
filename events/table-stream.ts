/**
 * What stream consumers receive: DynamoDB stream records (NEW_AND_OLD_IMAGES) of the
 * single table, from DynamoDB Streams in AWS and from the local change feed in
 * `npm start`. Powertools' schema validates the envelope and unmarshalls the images;
 * `entityImage` then reads an image as the domain object of the entity it holds.
 * Samples: events/samples/stream-*.json.
 */
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import type * as z from 'zod';
import { domainOf } from '../shared/adapters/dynamodb/items';
import type { EntityKind } from '../shared/entities';

export const tableStreamEvent = DynamoDBStreamSchema;
export type TableStreamEvent = z.infer<typeof tableStreamEvent>;
export type TableStreamRecord = TableStreamEvent['Records'][number];

/**
 * The domain object in an unmarshalled image, if the image holds that kind of entity
 * (shared/entities.ts); images written by an older schema version are upgraded first.
 */
export function entityImage<E extends EntityKind>(
  image: Record<string, unknown> | undefined,
  kind: E,
): z.output<E['schema']> | undefined {
  if (!image || image.entity !== kind.name) return undefined;
  const stored = domainOf<Record<string, unknown>>(image);
  return kind.schema.parse(kind.upgrade ? kind.upgrade(stored) : stored) as z.output<E['schema']>;
}
