import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { timetableImportDeps } from '../../shared/adapters/dependencies';
import { listFeeds, openS3Feeds } from '../../shared/adapters/gtfs/s3-feeds';
import { uses } from '../../shared/adapters/needs';
import { describeImport } from '../../shared/domain/transit/describe-import';
import { importIfChanged } from '../../shared/domain/transit/scheduled-import';
import { logger } from '../../shared/http/handler';

const s3 = new S3Client({});

/** Daily: GTFS zips under TIMETABLES_BUCKET/TIMETABLES_PREFIX are imported when they changed. */
export const handler = middy<unknown, { imported: boolean }, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const { store, clock, bucket, prefix } = timetableImportDeps(uses.importTimetables);
    if (!bucket) {
      logger.info('timetables: no bucket configured, nothing to import');
      return { imported: false };
    }
    const listed = await listFeeds(s3, bucket, prefix);
    const result = await importIfChanged(
      { store, clock },
      listed.map((feed) => feed.fingerprint),
      () => openS3Feeds(s3, bucket, listed),
    );
    if (result.imported)
      logger.info(describeImport(result.report), { version: result.report.summary.version });
    else logger.info(`timetables: not imported (${result.reason})`);
    return { imported: result.imported };
  });
