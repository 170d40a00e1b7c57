import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { setting } from '../../shared/adapters/configuration';
import { timetableStore } from '../../shared/adapters/dependencies';
import { listFeeds, openS3Feeds } from '../../shared/adapters/gtfs/s3-feeds';
import { describeImport } from '../../shared/domain/transit/describe-import';
import { importIfChanged } from '../../shared/domain/transit/scheduled-import';
import { logger } from '../../shared/http/handler';
import { systemClock } from '../../shared/ports/runtime';

const s3 = new S3Client({});

/** Daily: GTFS zips under TIMETABLES_BUCKET/TIMETABLES_PREFIX are imported when they changed. */
export const handler = middy<unknown, { imported: boolean }, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const bucket = setting('timetablesBucket');
    if (!bucket) {
      logger.info('timetables: no bucket configured, nothing to import');
      return { imported: false };
    }
    const prefix = setting('timetablesPrefix') ?? '';
    const listed = await listFeeds(s3, bucket, prefix);
    const result = await importIfChanged(
      { store: timetableStore(), clock: systemClock },
      listed.map((feed) => feed.fingerprint),
      () => openS3Feeds(s3, bucket, listed),
    );
    if (result.imported)
      logger.info(describeImport(result.report), { version: result.report.summary.version });
    else logger.info(`timetables: not imported (${result.reason})`);
    return { imported: result.imported };
  });
