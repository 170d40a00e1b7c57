import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { offerPublishedV1 } from '../../events/offer-published';
import { offerDepsWithSecret } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { countEvent, observed } from '../../shared/adapters/powertools/observability';
import { deliverOffer } from '../../shared/domain/notifications/offers';
import { logger } from '../../shared/http/handler';

/** One OfferPublished per message (raw delivery); a failure is retried by SQS, then dead-lettered. */
async function deliver(record: SQSRecord) {
  const event = offerPublishedV1.parse(JSON.parse(record.body));
  const outcome = await deliverOffer(await offerDepsWithSecret(uses.deliverer), event.id);
  logger.info('offer delivery', { offerId: event.id, outcome });
  if (outcome === 'sent') countEvent('offerSent');
}

// A processor per invocation: its state is per batch, and the local runtime runs
// several lanes of one consumer at once in one process.
export const handler = middy<SQSEvent, unknown, Error, Context>()
  .use(observed())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler((event, context) =>
    processPartialResponse(event, deliver, new BatchProcessor(EventType.SQS), { context }),
  );
