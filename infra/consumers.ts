/**
 * Everything that runs without an HTTP request: stream consumers (DynamoDB Streams in
 * AWS, the local change feed in `npm start`), queue consumers (SQS in AWS, the local
 * poller over fauxqs) and scheduled jobs (EventBridge in AWS, a timer locally).
 */

/** Stream consumers' timeout (CDK; the local feed gives each batch the same deadline): a batch can fan out to many writes. */
export const streamConsumerTimeoutSeconds = 60;

/** Permissions and configuration a function needs besides the table. */
export type Need = 'amazon-location' | 'offers' | 'send-messages' | 'devices' | 'timetables';

export interface StreamConsumerEntry {
  /** Stable name: the CDK construct id and the local runtime's log label. */
  name: string;
  /** Function entry file, relative to the project root. */
  entry: string;
  /** Records per invocation. */
  batchSize: number;
  /** Only records whose item `entity` attribute is one of these reach the function. */
  entities?: string[];
  /**
   * Batches delivered at once per shard, in order per key (Lambda's ParallelizationFactor;
   * locally, the lanes of the consumer). What people wait for (matches, offers) gets more;
   * planning figures may run behind after a burst.
   */
  parallelization: number;
  needs?: Need[];
}

export const streamConsumers: StreamConsumerEntry[] = [
  {
    name: 'matcher',
    entry: 'functions/stream/matcher.ts',
    batchSize: 20,
    entities: ['Vacancy', 'SeekerProfile'],
    parallelization: 4,
    needs: ['amazon-location'],
  },
  {
    name: 'offers',
    entry: 'functions/stream/offers.ts',
    batchSize: 25,
    entities: ['Match', 'Offer'],
    parallelization: 2,
    needs: ['offers'],
  },
  {
    name: 'statistics',
    entry: 'functions/stream/statistics.ts',
    batchSize: 50,
    entities: ['Vacancy', 'SeekerProfile', 'Match'],
    parallelization: 2,
  },
];

export interface QueueConsumerEntry {
  name: string;
  entry: string;
  batchSize: number;
  /** Deliveries before a message is moved to the dead-letter queue. */
  maxReceiveCount: number;
  /** The SNS filter policy of the queue's subscription to the offers topic. */
  filterPolicy: Record<string, string[]>;
  needs?: Need[];
}

export const queueConsumers: QueueConsumerEntry[] = [
  {
    name: 'deliverer',
    entry: 'functions/queue/deliver-offers.ts',
    batchSize: 10,
    maxReceiveCount: 5,
    filterPolicy: { eventType: ['OfferPublished'], channel: ['sms', 'push'] },
    needs: ['offers', 'send-messages', 'devices'],
  },
];

export interface ScheduledJobEntry {
  name: string;
  entry: string;
  everyMinutes: number;
  needs?: Need[];
  /** Default 120 s and 512 MB. */
  timeoutSeconds?: number;
  memoryMb?: number;
}

export const scheduledJobs: ScheduledJobEntry[] = [
  {
    name: 'eraseInactiveSeekers',
    entry: 'functions/schedule/erase-inactive-seekers.ts',
    everyMinutes: 24 * 60,
    needs: ['devices'],
  },
  {
    name: 'releaseOffers',
    entry: 'functions/schedule/release-offers.ts',
    everyMinutes: 15,
    needs: ['offers', 'send-messages'],
  },
  {
    // Each vacancy's offers go out in waves, best first (shared/domain/notifications/waves.ts).
    name: 'releaseWaves',
    entry: 'functions/schedule/release-waves.ts',
    everyMinutes: 5,
    needs: ['offers'],
  },
  {
    name: 'rollStatistics',
    entry: 'functions/schedule/roll-statistics.ts',
    everyMinutes: 24 * 60,
  },
  {
    // GTFS zips from the S3 prefix (CDK context bassin:timetablesBucket / bassin:timetablesPrefix).
    name: 'importTimetables',
    entry: 'functions/schedule/import-timetables.ts',
    everyMinutes: 24 * 60,
    needs: ['timetables'],
    timeoutSeconds: 900,
    memoryMb: 3008,
  },
];
