/**
 * Everything that runs without an HTTP request: stream consumers (DynamoDB Streams in
 * AWS, the local change feed in `npm start`), queue consumers (SQS in AWS, the local
 * poller over fauxqs) and scheduled jobs (EventBridge in AWS, a timer locally).
 */

import { type Grants, grantsOf, uses } from '../shared/adapters/needs';
import { type EntityKind, entities } from '../shared/entities';

/** Stream consumers' timeout (CDK; the local feed gives each batch the same deadline): a batch can fan out to many writes. */
export const streamConsumerTimeoutSeconds = 60;

export type { Need } from '../shared/adapters/configuration';

/** A consumer's or job's name, with what it declares it uses (shared/adapters/needs.ts). */
const declared = <Name extends keyof typeof uses>(name: Name) => ({ name, ...grantsOf(uses[name]) });

export interface StreamConsumerEntry extends Grants {
  /** Stable name: the CDK construct id and the local runtime's log label. */
  name: string;
  /** Function entry file, relative to the project root. */
  entry: string;
  /** Records per invocation. */
  batchSize: number;
  /** Only records of these kinds (their item's `entity` attribute) reach the function. */
  entities: readonly EntityKind[];
  /**
   * Batches delivered at once per shard, in order per key (Lambda's ParallelizationFactor;
   * locally, the lanes of the consumer). What people wait for (matches, offers) gets more;
   * planning figures may run behind after a burst.
   */
  parallelization: number;
}

/** The kinds each stream consumer is given (its filter here, its typed records in the function). */
export const consumedEntities = {
  matcher: [entities.vacancy, entities.seekerProfile],
  offers: [entities.match, entities.offer],
  statistics: [entities.vacancy, entities.seekerProfile, entities.match, entities.offerWaves],
} as const;

export const streamConsumers: StreamConsumerEntry[] = [
  {
    ...declared('matcher'),
    entry: 'functions/stream/matcher.ts',
    batchSize: 20,
    entities: consumedEntities.matcher,
    parallelization: 4,
  },
  {
    ...declared('offers'),
    entry: 'functions/stream/offers.ts',
    batchSize: 25,
    entities: consumedEntities.offers,
    parallelization: 2,
  },
  {
    ...declared('statistics'),
    entry: 'functions/stream/statistics.ts',
    batchSize: 50,
    entities: consumedEntities.statistics,
    parallelization: 2,
  },
];

export interface QueueConsumerEntry extends Grants {
  name: string;
  entry: string;
  batchSize: number;
  /** Deliveries before a message is moved to the dead-letter queue. */
  maxReceiveCount: number;
  /** The SNS filter policy of the queue's subscription to the offers topic. */
  filterPolicy: Record<string, string[]>;
}

export const queueConsumers: QueueConsumerEntry[] = [
  {
    ...declared('deliverer'),
    entry: 'functions/queue/deliver-offers.ts',
    batchSize: 10,
    maxReceiveCount: 5,
    filterPolicy: { eventType: ['OfferPublished'], channel: ['sms', 'push'] },
  },
];

export interface ScheduledJobEntry extends Grants {
  name: string;
  entry: string;
  everyMinutes: number;
  /** Default 120 s and 512 MB. */
  timeoutSeconds?: number;
  memoryMb?: number;
}

export const scheduledJobs: ScheduledJobEntry[] = [
  {
    ...declared('eraseInactiveSeekers'),
    entry: 'functions/schedule/erase-inactive-seekers.ts',
    everyMinutes: 24 * 60,
  },
  {
    ...declared('releaseOffers'),
    entry: 'functions/schedule/release-offers.ts',
    everyMinutes: 15,
  },
  {
    // Each vacancy's offers go out in waves, best first (shared/domain/notifications/waves.ts).
    ...declared('releaseWaves'),
    entry: 'functions/schedule/release-waves.ts',
    everyMinutes: 5,
  },
  {
    ...declared('rollStatistics'),
    entry: 'functions/schedule/roll-statistics.ts',
    everyMinutes: 24 * 60,
  },
  {
    // GTFS zips from the S3 prefix (CDK context bassin:timetablesBucket / bassin:timetablesPrefix).
    ...declared('importTimetables'),
    entry: 'functions/schedule/import-timetables.ts',
    everyMinutes: 24 * 60,
    timeoutSeconds: 900,
    memoryMb: 3008,
  },
];
