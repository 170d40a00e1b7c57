import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { offerDepsWithSecret } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { observed } from '../../shared/adapters/powertools/observability';
import { releaseWaves, type WaveRound } from '../../shared/domain/notifications/waves';
import { logger } from '../../shared/http/handler';

/**
 * Every few minutes: the vacancies whose next wave is due release their best queued offers.
 * `asOf` treats what is due by then as due: the local runtime passes it once its change
 * feed is idle (the matcher has settled, the collection window has served its purpose).
 */
export const handler = middy<{ asOf?: string } | undefined, WaveRound, Error, Context>()
  .use(observed())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const deps = await offerDepsWithSecret(uses.releaseWaves);
    const round = await releaseWaves(deps, event?.asOf ? new Date(event.asOf) : deps.clock.now());
    logger.info('released offer waves', { ...round });
    return round;
  });
