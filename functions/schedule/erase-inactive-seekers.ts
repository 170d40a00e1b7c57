import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { erasureDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { observed } from '../../shared/adapters/powertools/observability';
import { eraseInactiveSeekers } from '../../shared/domain/seeker-operations';
import { logger } from '../../shared/http/handler';

/** Daily: seekers with no activity for two years are erased (profile, matches, offers, devices). */
export const handler = middy<unknown, { erased: number }, Error, Context>()
  .use(observed())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const erased = await eraseInactiveSeekers(erasureDeps(uses.eraseInactiveSeekers));
    logger.info('retention: erased inactive seekers', { count: erased.length });
    return { erased: erased.length };
  });
