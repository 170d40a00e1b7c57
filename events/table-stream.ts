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

export const tableStreamEvent = DynamoDBStreamSchema;
export type TableStreamEvent = z.infer<typeof tableStreamEvent>;
export type TableStreamRecord = TableStreamEvent['Records'][number];

/**
 * The domain object in an unmarshalled image, if the image holds that entity; `upgrade`
 * reads images written by an older schema version (e.g. upgradeVacancy).
 */
export function entityImage<T extends z.ZodType>(
  image: Record<string, unknown> | undefined,
  entity: string,
  schema: T,
  upgrade: (stored: Record<string, unknown>) => unknown = (stored) => stored,
): z.output<T> | undefined {
  if (!image || image.entity !== entity) return undefined;
  return schema.parse(upgrade(domainOf(image)));
}
