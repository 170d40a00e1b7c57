import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { countingDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { observed } from '../../shared/adapters/powertools/observability';
import { rollStatistics } from '../../shared/domain/planning/counting';
import { logger } from '../../shared/http/handler';

/** Daily: open vacancies and active seekers are counted into the new month once it starts. */
export const handler = middy<unknown, { counted: number }, Error, Context>()
  .use(observed())
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const result = await rollStatistics(countingDeps(uses.rollStatistics));
    logger.info('rolled statistics', result);
    return result;
  });
