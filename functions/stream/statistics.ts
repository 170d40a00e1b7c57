import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { countingDeps } from '../../shared/adapters/dependencies';
import { observed } from '../../shared/adapters/powertools/observability';
import { countEntity, entityKeyOf } from '../../shared/domain/planning/counting';
import { logger } from '../../shared/http/handler';

/**
 * Keeps the monthly planning figures in line with vacancies, seeker profiles and matches.
 * A record only names what changed: the entity is counted again from its current state
 * and only the difference is applied, so redelivered or replayed batches change nothing.
 */
async function onChange(record: DynamoDBRecord) {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const id = image?.id?.S;
  const key = id && image.entity?.S && entityKeyOf(image.entity.S, id);
  if (key) logger.debug('counted', { key, result: await countEntity(countingDeps(), key) });
}

// A processor per invocation: its state is per batch, and the local runtime runs
// several lanes of one consumer at once in one process.
export const handler = middy<DynamoDBStreamEvent, unknown, Error, Context>()
  .use(observed())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler((event, context) =>
    processPartialResponse(event, onChange, new BatchProcessor(EventType.DynamoDBStreams), {
      context,
      processInParallel: false,
    }),
  );
