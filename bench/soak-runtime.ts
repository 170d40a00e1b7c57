/**
 * The runtime under test for `npm run bench:soak`: what `npm start` runs, on a data
 * directory given by BASSIN_DATA_DIR, plus a stream consumer that counts new matches.
 * Prints `ready <url>` once serving, then a JSON line of measurements every 250 ms. On
 * SIGUSR2 (run with --expose-gc) it collects garbage and prints `{"settled": …}`: what the
 * process holds, not the garbage V8 has not collected yet, and where that memory is.
 */
import { readFile } from 'node:fs/promises';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { glibcMallocTrim } from '../infra/local/malloc-trim';
import { lastResortCollection } from '../infra/local/memory-keeper';
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
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
  const stream = runtime.feed.status();
  const matcher = stream.consumers.find((c) => c.name === 'matcher');
  console.log(
    JSON.stringify({
      at: Date.now(),
      rss,
      heapUsed,
      heapTotal,
      external,
      cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
      matches,
      busy: runtime.feed.busy,
      matcherPending: matcher?.pending ?? 0,
      behindSeconds: Math.max(...stream.consumers.map((c) => c.behindSeconds)),
    }),
  );
}, 250);
process.on('SIGTERM', () => void runtime.stop().then(() => process.exit(0)));
const trimMalloc = glibcMallocTrim();
process.on('SIGUSR2', async () => {
  const gc = (globalThis as { gc?: (options?: object) => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  // What the memory keeper gives back besides: V8's pool of freed pages (a last-resort
  // collection) and malloc's free arena pages (memory-keeper.ts, malloc-trim.ts).
  gc?.(lastResortCollection);
  trimMalloc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const settled = {
    rss,
    heapUsed,
    heapTotal,
    external,
    arrayBuffers,
    rssReleased: process.memoryUsage().rss,
    mappings: await residentByMapping(),
  };
  console.log(JSON.stringify({ settled }));
});

/**
 * Resident bytes by kind of mapping (Linux): V8's heap pages are anonymous mappings of
 * exactly 256 KB; `[heap]` is malloc's main arena; the rest of the anonymous memory is
 * malloc's other arenas, V8's large objects and code; mapped files are the database's (LevelDB's
 * tables, under BASSIN_DATA_DIR: page cache the kernel can take back) or the program's code.
 */
async function residentByMapping(): Promise<Record<string, number> | undefined> {
  const text = await readFile('/proc/self/smaps', 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const kinds: Record<string, number> = {
    v8Pages: 0,
    mallocMain: 0,
    mallocThreadArenas: 0,
    otherAnonymous: 0,
    databaseFiles: 0,
    programFiles: 0,
  };
  const dataDir = process.env.BASSIN_DATA_DIR as string;
  let kind = 'otherAnonymous';
  for (const line of text.split('\n')) {
    const mapping = line.match(/^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/);
    if (mapping) {
      const start = Number.parseInt(mapping[1] as string, 16);
      const size = Number.parseInt(mapping[2] as string, 16) - start;
      const name = mapping[3] as string;
      kind = name.startsWith(dataDir)
        ? 'databaseFiles'
        : name.startsWith('/')
          ? 'programFiles'
          : name === '[heap]'
            ? 'mallocMain'
            : name === '' && size === 256 * 1024
              ? 'v8Pages'
              : // glibc's per-thread arenas live in heaps aligned on their 64 MB maximum size.
                name === '' && start % arenaHeapBytes === 0 && size <= arenaHeapBytes
                ? 'mallocThreadArenas'
                : 'otherAnonymous';
    } else if (line.startsWith('Rss:'))
      kinds[kind] = (kinds[kind] ?? 0) + Number(line.split(/\s+/)[1]) * 1024;
  }
  return kinds;
}

const arenaHeapBytes = 64 * 1024 * 1024;
