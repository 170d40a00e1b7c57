/**
 * `npm run migrate:reach-index`: rewrites every seeker's reach-index items in the current
 * format (shifts and directions, issue 14) and marks the index, after which the matcher
 * stops reading the old partitions. Until then it reads both, so nothing is missed while
 * it runs. Local store by default (stop `npm start` first); `--table NAME` runs it against
 * that DynamoDB table with the usual AWS credentials and region, once after deploying.
 */
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../shared/adapters/dynamodb/client';
import { dynamoMatchIndex } from '../shared/adapters/dynamodb/match-index';
import { dynamoSeekerStore } from '../shared/adapters/dynamodb/seeker-store';
import { reindexAllSeekers } from '../shared/domain/matching/reindex';
import { systemClock } from '../shared/ports/runtime';
import { commandLine } from './cli';
import { openLocalStore } from './local/local-store';

const cli = commandLine({
  command: 'npm run migrate:reach-index --',
  summary:
    'Rewrites every seeker’s reach-index items in the current format, then marks the index so the\n' +
    'matcher stops reading the old partitions. Safe to run again and beside live traffic.\n' +
    'Without --table: the local store (.data/ or BASSIN_DATA_DIR; stop `npm start` first).',
  options: {
    table: {
      type: 'string',
      value: 'NAME',
      description: 'A DynamoDB table in AWS (credentials and region from the environment).',
    },
  },
  examples: ['npm run migrate:reach-index', 'npm run migrate:reach-index -- --table Bassin-Table1234'],
});
const tableName = cli.values.table;

const local = tableName ? undefined : await openLocalStore(resolve(process.env.BASSIN_DATA_DIR ?? '.data'));
const table = local?.table ?? { doc: documentClient(new DynamoDBClient({})), tableName: tableName as string };
let shown = 0;
const result = await reindexAllSeekers(
  { seekers: dynamoSeekerStore(table), index: dynamoMatchIndex(table), clock: systemClock },
  (done, total) => {
    if (done === total || done - shown >= Math.max(1, Math.floor(total / 10))) {
      shown = done;
      console.log(`reindexed ${done} of ${total} seekers`);
    }
  },
);
console.log(
  `Reach index migrated: ${result.seekers} seekers, ${result.reindexed} indexed (the others gave no consent).`,
);
await local?.close();
