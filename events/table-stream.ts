/**
 * What stream consumers receive: DynamoDB stream records (NEW_AND_OLD_IMAGES) of the
 * single table, from DynamoDB Streams in AWS and from the local change feed in
 * `npm start`. Powertools' schema validates the envelope and unmarshalls the images;
 * `entityImage` (entity-image.ts) then reads an image as the domain object of the entity it holds.
 * Samples: events/samples/stream-*.json.
 */
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import type * as z from 'zod';

export { entityImage } from './entity-image';

export const tableStreamEvent = DynamoDBStreamSchema;
export type TableStreamEvent = z.infer<typeof tableStreamEvent>;
export type TableStreamRecord = TableStreamEvent['Records'][number];
