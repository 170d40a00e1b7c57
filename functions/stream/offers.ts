import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { employerNoticeDeps, offerDepsWithSecret } from '../../shared/adapters/dependencies';
import { domainOf } from '../../shared/adapters/dynamodb/items';
import { observed } from '../../shared/adapters/powertools/observability';
import { noticeAcceptance } from '../../shared/domain/employer-notices';
import { onMatchChanged, publishOffer } from '../../shared/domain/notifications/offers';
import type { Offer } from '../../shared/domain/offer';
import { logger } from '../../shared/http/handler';

/**
 * Matches become queued offers (once per pair), answers are counted for the vacancy's
 * waves, and offers a wave released to go out now are published to the `offers` topic:
 * the offer item is the outbox, so a failed publish is retried from the stream.
 * An accepted match also becomes a notice for the employer (once per answer).
 */
async function onChange(record: DynamoDBRecord) {
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const entity = image?.entity?.S;
  const deps = await offerDepsWithSecret();
  if (entity === 'Match' && image?.id?.S) {
    const offer = mayNeedOffer(image, deps.config.notifyThreshold);
    const notice = mayNeedNotice(image);
    const match = offer || notice ? await deps.matches.get(image.id.S) : undefined;
    if (match && offer) logger.debug('offer for match', { outcome: await onMatchChanged(deps, match) });
    if (match && notice) await noticeAcceptance(employerNoticeDeps(), match);
  }
  if (entity === 'Offer' && releasedToGo(record) && record.dynamodb?.NewImage) {
    const offer = domainOf<Offer>(unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>));
    await publishOffer(deps, offer);
  }
}

/**
 * An offer that became pending (a wave or the end of quiet hours released it), not one
 * put back after a failed send (the queue retries that one).
 */
function releasedToGo(record: DynamoDBRecord): boolean {
  const before = record.dynamodb?.OldImage?.status?.S;
  return record.dynamodb?.NewImage?.status?.S === 'pending' && before !== 'pending' && before !== 'sending';
}

/**
 * The image is a hint, the current match decides: an active match under the threshold and
 * not answered needs nothing, and any change that could make it need something comes with
 * its own record, so only the others are read again.
 */
function mayNeedOffer(
  image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
  threshold: number,
): boolean {
  if (!image) return false;
  if (image.status?.S !== 'active') return true;
  return Number(image.score?.N ?? 0) >= threshold || image.response?.S !== 'pending';
}

/** Only an accepted answer can become a notice for the employer (the current match decides). */
const mayNeedNotice = (image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage']) =>
  image?.status?.S === 'active' && image.response?.S === 'accepted';

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
