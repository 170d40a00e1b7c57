/**
 * The runtime under test for `npm run bench:soak`: what `npm start` runs, on a data
 * directory given by BASSIN_DATA_DIR, plus a stream consumer that counts new matches.
 * Prints `ready <url>` once serving, then a JSON line of measurements every 250 ms. On
 * SIGUSR2 (run with --expose-gc) it collects garbage and prints `{"settledRss": …}`: what
 * the process holds, not the garbage V8 has not collected yet.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { startLocalRuntime } from '../infra/local/runtime';

let matches = 0;
const runtime = await startLocalRuntime({
  dataDir: process.env.BASSIN_DATA_DIR as string,
  port: 0,
  extraConsumers: [
    {
      name: 'bench-match-counter',
      batchSize: 100,
      entities: ['Match'],
      handler: async (event: DynamoDBStreamEvent) => {
        matches += event.Records.filter((r) => r.eventName === 'INSERT').length;
        return { batchItemFailures: [] };
      },
    },
  ],
});
// The benchmark reads our samples: when it is gone, so are we.
process.stdout.on('error', () => process.exit(1));
console.log(`ready ${runtime.url}`);
setInterval(() => {
  const { rss, heapUsed } = process.memoryUsage();
  const stream = runtime.feed.status();
  const matcher = stream.consumers.find((c) => c.name === 'matcher');
  console.log(
    JSON.stringify({
      at: Date.now(),
      rss,
      heapUsed,
      cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
      matches,
      busy: runtime.feed.busy,
      matcherPending: matcher?.pending ?? 0,
      behindSeconds: Math.max(...stream.consumers.map((c) => c.behindSeconds)),
    }),
  );
}, 250);
process.on('SIGTERM', () => void runtime.stop().then(() => process.exit(0)));
process.on('SIGUSR2', async () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { rss, heapUsed } = process.memoryUsage();
  console.log(JSON.stringify({ settledRss: rss, settledHeap: heapUsed }));
});
