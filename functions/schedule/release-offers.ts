import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { offerDepsWithSecret } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { countEvent, observed } from '../../shared/adapters/powertools/observability';
import { recoverStrandedOffers, releaseDueOffers } from '../../shared/domain/notifications/offers';
import { logger } from '../../shared/http/handler';

/**
 * Every 15 minutes: offers held for quiet hours go out, and yesterday's capped offers as
 * digests. The local runtime also runs it once at start with `recoverStrandedBefore`: its
 * queue is in memory, so offers in flight when the process died are delivered from here.
 */
export const handler = middy<
  { recoverStrandedBefore?: string } | undefined,
  { sent: number; digests: number; recovered?: number },
  Error,
  Context
>()
  .use(observed())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const deps = await offerDepsWithSecret(uses.releaseOffers);
    const stranded = event?.recoverStrandedBefore
      ? await recoverStrandedOffers(deps, new Date(event.recoverStrandedBefore))
      : undefined;
    const result = { ...(await releaseDueOffers(deps)), ...stranded };
    logger.info('released offers', result);
    countEvent('offerSent', result.sent);
    return result;
  });
