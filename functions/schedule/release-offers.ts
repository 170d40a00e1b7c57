import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { offerDepsWithSecret } from '../../shared/adapters/dependencies';
import { countEvent, observed } from '../../shared/adapters/powertools/observability';
import { releaseDueOffers } from '../../shared/domain/notifications/offers';
import { logger } from '../../shared/http/handler';

/** Every 15 minutes: offers held for quiet hours go out, and yesterday's capped offers as digests. */
export const handler = middy<unknown, { sent: number; digests: number }, Error, Context>()
  .use(observed())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await releaseDueOffers(await offerDepsWithSecret());
    logger.info('released offers', result);
    countEvent('offerSent', result.sent);
    return result;
  });
