import { type CfnElement, Duration, type Stack, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Grants } from '../../shared/adapters/needs';
import {
  type QueueConsumerEntry,
  type ScheduledJobEntry,
  type StreamConsumerEntry,
  streamConsumerTimeoutSeconds,
} from '../consumers';
import type { BassinFunction } from '../function';
import type { Data } from './data';
import type { Messaging } from './messaging';
import type { Operations } from './operations';
import { writeNeedSettings, writeSettings } from './settings';

export interface WorkersProps {
  data: Data;
  messaging: Messaging;
  operations: Operations;
  travelTime: 'estimator' | 'amazon-location';
  transitServiceHours: string;
  /** Links in messages default to the API's URL. */
  apiUrl: string;
}

/**
 * What runs without a request (stream and queue consumers, scheduled jobs), and the grants
 * every function gets from what it declares it uses.
 */
export class Workers {
  constructor(
    private readonly stack: Stack,
    private readonly props: WorkersProps,
  ) {}

  addStreamConsumer(consumer: StreamConsumerEntry) {
    const { name, batchSize, entities, parallelization } = consumer;
    const { operations, data } = this.props;
    const fn = this.backgroundFunction(consumer, Duration.seconds(streamConsumerTimeoutSeconds));
    // A stream consumer falling behind (records waiting over 5 minutes).
    operations.alarm(
      `${name}IteratorAge`,
      fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      300_000,
    );
    const failures = operations.deadLetterQueue(`${name}StreamFailures`);
    const names = entities.map((kind) => kind.name);
    fn.addEventSource(
      new DynamoEventSource(data.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize,
        parallelizationFactor: parallelization,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(failures),
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: FilterRule.or(...names) } } } }),
          FilterCriteria.filter({ dynamodb: { OldImage: { entity: { S: FilterRule.or(...names) } } } }),
        ],
      }),
    );
  }

  addQueueConsumer(consumer: QueueConsumerEntry) {
    const fn = this.backgroundFunction(consumer, Duration.seconds(30));
    this.props.messaging.addQueueConsumer(consumer, fn);
  }

  addScheduledJob(job: ScheduledJobEntry) {
    const fn = this.backgroundFunction(job, Duration.seconds(job.timeoutSeconds ?? 120), job.memoryMb);
    const failures = this.props.operations.deadLetterQueue(`${job.name}Failures`);
    new Rule(this.stack, `${job.name}Schedule`, {
      schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
      targets: [new LambdaFunction(fn, { retryAttempts: 2, deadLetterQueue: failures })],
    });
  }

  /** A function fed by a stream, a queue or a schedule, granted what it declares. */
  private backgroundFunction(
    { name, entry, data, needs }: Grants & { name: string; entry: string },
    timeout: Duration,
    memorySize?: number,
  ) {
    const fn = this.props.operations.newFunction(name, {
      entry,
      timeout,
      ...(memorySize ? { memorySize } : {}),
    });
    this.grant(fn, { data, needs });
    return fn;
  }

  /**
   * What a function declares it uses (shared/adapters/needs.ts), granted: its table access
   * (the table's name, and `tableAccess` read where it may only read), then the permissions
   * and the settings of each need.
   */
  grant(fn: BassinFunction, { data, needs }: Grants) {
    const { messaging, data: stores } = this.props;
    if (data !== 'none') writeSettings(fn, { tableName: stores.table.tableName });
    if (data === 'read') {
      // Caches (routes measured by Amazon Location) are left unwritten where the table is read-only.
      writeSettings(fn, { tableAccess: 'read' });
      stores.table.grantReadData(fn);
    }
    if (data === 'write') stores.table.grantReadWriteData(fn);
    if (needs.includes('offers')) messaging.grantOffers(fn, this.props.apiUrl);
    if (needs.includes('devices')) messaging.grantDevices(fn);
    if (needs.includes('send-messages')) messaging.grantSendMessages(fn);
    if (needs.includes('timetables')) {
      const { bucket, prefix } = stores.timetables;
      writeNeedSettings(fn, 'timetables', { timetablesBucket: bucket.bucketName, timetablesPrefix: prefix });
      bucket.grantRead(fn, `${prefix}*`);
      const cfnBucket = bucket.node.defaultChild as CfnElement | undefined;
      const resource = cfnBucket
        ? `<${this.stack.getLogicalId(cfnBucket)}.Arn>/${prefix}*`
        : `arn:<AWS::Partition>:s3:::${bucket.bucketName}/${prefix}*`;
      Validations.of(fn).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${resource}]`,
        reason:
          'The import reads every GTFS zip under its prefix, whatever their names: the prefix is the boundary.',
      });
    }
    if (!needs.includes('travel-time')) return;
    writeNeedSettings(fn, 'travel-time', {
      travelTime: this.props.travelTime,
      transitServiceHours: this.props.transitServiceHours,
    });
    if (this.props.travelTime !== 'amazon-location') return;
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['geo-routes:CalculateRouteMatrix'],
        resources: [`arn:${this.stack.partition}:geo-routes:${this.stack.region}::provider/default`],
      }),
    );
  }
}
