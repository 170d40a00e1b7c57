import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { matchingDeps } from '../../shared/adapters/dependencies';
import { countEvent, observed } from '../../shared/adapters/powertools/observability';
import { rematchSeeker, rematchVacancy } from '../../shared/domain/matching/lifecycle';
import { logger } from '../../shared/http/handler';

/**
 * Keeps matches in line with vacancies and seeker profiles. Each record only names what
 * changed; the lifecycle reads the current state, so redelivered, reordered or replayed
 * records converge to the same matches. A record that fails is reported alone.
 */
async function onChange(record: DynamoDBRecord) {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const id = image?.id?.S;
  if (!id) return;
  const entity = image.entity?.S;
  const rematch =
    entity === 'Vacancy' ? rematchVacancy : entity === 'SeekerProfile' ? rematchSeeker : undefined;
  if (!rematch) return;
  const result = await rematch(matchingDeps(), id);
  logger.debug('rematch', { entity, result });
  countEvent('matchMade', result.made);
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
