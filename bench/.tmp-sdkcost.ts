import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, localClientConfig, startDynalite } from '../infra/local/dynalite';
import { documentClient } from '../shared/adapters/dynamodb/client';

const mode = process.argv[2] ?? 'default';
const dynamo = await startDynalite({});
await ensureTable(dynamo.endpoint, 'tbl');
const base = new DynamoDBClient(localClientConfig(dynamo.endpoint));
if (mode === 'nosign') {
  base.middlewareStack.remove('httpSigningMiddleware');
  base.middlewareStack.addRelativeTo(
    (next: any) => (args: any) => {
      args.request.headers.authorization =
        'AWS4-HMAC-SHA256 Credential=local/20260101/eu-west-3/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0';
      args.request.headers['x-amz-date'] = '20260101T000000Z';
      return next(args);
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'staticAuth' } as any,
  );
}
const doc = documentClient(base);
const n = 3000;
for (let i = 0; i < 200; i++)
  await doc.send(new PutCommand({ TableName: 'tbl', Item: { PK: `w${i}`, SK: 'x', v: 'y'.repeat(200) } }));
const t0 = process.cpuUsage();
const w0 = Date.now();
await Promise.all(
  [0, 1, 2, 3].map(async (k) => {
    for (let i = k; i < n; i += 4) {
      await doc.send(
        new PutCommand({ TableName: 'tbl', Item: { PK: `p${i}`, SK: 'x', v: 'y'.repeat(200), n: i } }),
      );
      await doc.send(new GetCommand({ TableName: 'tbl', Key: { PK: `p${i}`, SK: 'x' } }));
    }
  }),
);
const u = process.cpuUsage(t0);
console.log(
  mode,
  'CPU µs per request',
  Math.round((u.user + u.system) / (2 * n)),
  'wall ms',
  Date.now() - w0,
);
await dynamo.stop();
process.exit(0);
