import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import { entityImage } from '../../../events/entity-image';
import type { EntityKind } from '../../entities';
import { logger } from '../../http/handler';
import { observed } from './observability';

/** One stream record of one of the consumer's kinds, its images read as that kind's domain object. */
export interface EntityChange<E extends EntityKind> {
  /** The kind's stored name: narrows `newImage` and `oldImage` to its schema. */
  name: E['name'];
  kind: E;
  eventName: DynamoDBRecord['eventName'];
  /** The item's `id`, from the new image or else the old one. */
  id: string;
  /** Parsed on first read: a consumer that only needs the id never parses. */
  newImage(): z.output<E['schema']> | undefined;
  oldImage(): z.output<E['schema']> | undefined;
}

type ChangeOf<Kinds extends readonly EntityKind[]> = { [K in keyof Kinds]: EntityChange<Kinds[K]> }[number];

const unmarshalled = (record: DynamoDBRecord, side: 'NewImage' | 'OldImage') => {
  const raw = record.dynamodb?.[side];
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
};

/**
 * A table-stream consumer: records of other kinds (or without an id) are skipped, each
 * other record goes to `onRecord` alone, and a record that fails is reported alone
 * (partial batch response) so only it is retried. A processor per invocation: its state
 * is per batch, and the local runtime runs several lanes of one consumer at once in one
 * process.
 */
export function streamConsumer<const Kinds extends readonly EntityKind[]>(spec: {
  entities: Kinds;
  onRecord: (change: ChangeOf<Kinds>) => Promise<unknown>;
}) {
  const byName = new Map<string, EntityKind>(spec.entities.map((kind) => [kind.name, kind]));
  const onChange = async (record: DynamoDBRecord) => {
    const newImage = unmarshalled(record, 'NewImage');
    const oldImage = unmarshalled(record, 'OldImage');
    const image = newImage ?? oldImage;
    const kind = byName.get(String(image?.entity));
    const id = image?.id;
    if (!kind || typeof id !== 'string' || !id) return;
    const change: EntityChange<EntityKind> = {
      name: kind.name,
      kind,
      eventName: record.eventName,
      id,
      newImage: () => entityImage(newImage, kind),
      oldImage: () => entityImage(oldImage, kind),
    };
    await spec.onRecord(change as ChangeOf<Kinds>);
  };
  return middy<DynamoDBStreamEvent, unknown, Error, Context>()
    .use(observed())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler((event, context) =>
      processPartialResponse(event, onChange, new BatchProcessor(EventType.DynamoDBStreams), {
        context,
        processInParallel: false,
      }),
    );
}
