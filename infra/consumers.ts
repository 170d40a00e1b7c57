/**
 * Stream consumers: functions fed by the table's change stream (DynamoDB Streams in AWS,
 * the local change feed in `npm start`). Offers and statistics hang here next.
 */
export interface StreamConsumerEntry {
  /** Stable name: the CDK construct id and the local runtime's log label. */
  name: string;
  /** Function entry file, relative to the project root. */
  entry: string;
  /** Records per invocation. */
  batchSize: number;
  /** Only records whose item `entity` attribute is one of these reach the function. */
  entities?: string[];
  /** Extra permissions the function needs besides the table. */
  needs?: 'amazon-location'[];
}

export const streamConsumers: StreamConsumerEntry[] = [
  {
    name: 'matcher',
    entry: 'functions/stream/matcher.ts',
    batchSize: 20,
    entities: ['Vacancy', 'SeekerProfile'],
    needs: ['amazon-location'],
  },
];
