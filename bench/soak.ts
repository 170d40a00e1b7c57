/**
 * `npm run bench:soak -- --seekers 400 --vacancies 2000 --reads 30000 --out bench/results/soak.json`
 *
 * Memory and feed throughput of the local runtime, run as `npm start` runs (a child
 * process, dynalite on disk under a fresh data directory), with SYNTHETIC data:
 *  1. seekers PUT their profiles; the feed settles;
 *  2. burst: one employer POSTs all the vacancies at once (16 at a time); then the feed
 *     catches up: matches per second from the end of the burst until the matcher has
 *     nothing left, and how far behind the feed ran (age of the oldest undelivered record);
 *  3. soak: paged reads of the employer's vacancies (`limit=20`, following cursors).
 * The runtime's RSS is sampled all along, and measured before and after each phase once it
 * has collected its garbage, then once more after the release the memory keeper makes (what
 * it holds; SIGUSR2, see soak-runtime.ts): the target is that what it holds grows by at most
 * 20 % over the reads.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { commandLine } from '../infra/cli';
import { prng, syntheticSeeker, syntheticVacancy } from '../infra/local/synthetic';
import { apiClient } from '../test/support/api';

interface Sample {
  at: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** CPU time the runtime has used (user + system). */
  cpuSeconds: number;
  matches: number;
  busy: boolean;
  matcherPending: number;
  behindSeconds: number;
}

/** What the runtime holds once it has collected its garbage (soak-runtime.ts, on SIGUSR2). */
interface Settled {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** RSS once the keeper's release has run too: V8's page pool and malloc's free pages given back. */
  rssReleased: number;
  mappings?: Record<string, number>;
}

const growthPercent = (before: number, after: number) => Math.round(((after - before) / before) * 1000) / 10;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
const allInMB = (figures: Record<string, number>) =>
  Object.fromEntries(Object.entries(figures).map(([name, bytes]) => [name, mb(bytes)]));
const inMB = ({ mappings, ...figures }: Settled) => ({
  ...allInMB(figures),
  ...(mappings ? { residentByMapping: allInMB(mappings) } : {}),
});

export async function soak(argv = process.argv.slice(2)) {
  const cli = commandLine(
    {
      command: 'npm run bench:soak --',
      summary:
        'Runs `npm start` in a child process and loads it: seekers PUT their profiles, employers post\n' +
        "vacancies, readers list matches; samples memory, CPU and the change feed's lag, then measures\n" +
        'the resident memory after a garbage collection.',
      options: {
        seekers: { type: 'string', value: 'N', default: '400', description: 'Seekers who register.' },
        vacancies: { type: 'string', value: 'N', default: '2000', description: 'Vacancies posted.' },
        reads: { type: 'string', value: 'N', default: '30000', description: 'Reads of the match lists.' },
        out: { type: 'string', value: 'FILE', description: 'Write the results as JSON there.' },
      },
      examples: [
        'npm run bench:soak -- --seekers 400 --vacancies 2000 --reads 30000 --out bench/results/soak.json',
      ],
    },
    argv,
  );
  const { values } = cli;
  const seekers = cli.integer('seekers', 1, 1_000_000);
  const vacancies = cli.integer('vacancies', 1, 1_000_000);
  const reads = cli.integer('reads', 0, 10_000_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'bassin-soak-'));
  // SOAK_CPU_PROF=<dir> writes a V8 CPU profile of the runtime there.
  const profile = process.env.SOAK_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SOAK_CPU_PROF}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, '--expose-gc', '--import', 'tsx', 'bench/soak-runtime.ts'],
    {
      env: { ...process.env, BASSIN_DATA_DIR: dataDir, LOG_LEVEL: 'SILENT', POWERTOOLS_LOG_LEVEL: 'SILENT' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let last: Sample | undefined;
  const waiters: (() => void)[] = [];
  let settledWaiter: ((settled: Settled) => void) | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the runtime exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('ready ')) resolve(line.slice(6));
      else if (line.startsWith('{"settled"'))
        settledWaiter?.((JSON.parse(line) as { settled: Settled }).settled);
      else if (line.startsWith('{')) {
        last = JSON.parse(line) as Sample;
        for (const wake of waiters.splice(0)) wake();
      }
    });
  });
  const nextSample = () => new Promise<Sample>((resolve) => waiters.push(() => resolve(last as Sample)));
  /** RSS once the runtime has collected its garbage: memory it holds, not garbage not yet collected. */
  const settledMemory = () =>
    new Promise<Settled>((resolve) => {
      settledWaiter = resolve;
      child.kill('SIGUSR2');
    });
  const progress = (phase: string) =>
    console.error(
      `[soak] ${phase}: ${last?.matches ?? 0} matches, ${last?.matcherPending ?? 0} records pending, ` +
        `${last?.behindSeconds ?? 0} s behind, RSS ${mb(last?.rss ?? 0)} MB (V8 heap ${mb(last?.heapUsed ?? 0)} MB)`,
    );
  /** Waits until the feed has been idle for three samples in a row; returns the samples seen. */
  const settle = async (phase: string) => {
    const seen: Sample[] = [];
    for (let quiet = 0; quiet < 3; ) {
      const sample = await nextSample();
      seen.push(sample);
      if (seen.length % 20 === 0) progress(phase);
      quiet = sample.busy ? 0 : quiet + 1;
    }
    return seen;
  };
  const api = apiClient(url);
  const next = prng(2026);

  // 1. Seekers.
  const started = Date.now();
  await inParallel(seekers, 8, async (i) => {
    const { id, version, createdAt, updatedAt, ...profile } = syntheticSeeker(next, `soak-seeker-${i}`);
    const token = await api.token(id, 'seeker');
    const contact =
      i % 4 === 0 ? { channel: 'sms', phone: `+336${String(10_000_000 + i).slice(-8)}` } : profile.contact;
    const answer = await api.request('PUT', '/v1/seekers/me', { token, body: { ...profile, contact } });
    if (answer.status >= 300) throw new Error(`PUT seeker: ${answer.status} ${JSON.stringify(answer.body)}`);
  });
  await settle('seekers');
  progress('seekers done');
  const beforeBurst = (await nextSample()) as Sample;
  const memoryBeforeBurst = await settledMemory();

  // 2. Burst.
  // A token for the whole run: on a busy machine it lasts longer than the default hour.
  const employer = (
    await api.request('POST', '/dev/token', {
      body: { sub: 'soak-employer', groups: ['employer'], ttlSeconds: 86_400 },
    })
  ).body.token as string;
  const burstStart = Date.now();
  await inParallel(vacancies, 16, async (i) => {
    const { id, owner, status, version, createdAt, updatedAt, ...draft } = syntheticVacancy(next, `v${i}`);
    const answer = await api.request('POST', '/v1/vacancies', { token: employer, body: draft });
    if (answer.status !== 201)
      throw new Error(`POST vacancy: ${answer.status} ${JSON.stringify(answer.body)}`);
  });
  const burstEnd = Date.now();
  const atBurstEnd = (await nextSample()) as Sample;
  progress('burst sent');
  const during = await settle('catching up');
  progress('caught up');
  const afterBurst = last as Sample;
  // Caught up: the first moment every match of the burst existed.
  const caughtUp = during.find((s) => s.matches === afterBurst.matches) ?? afterBurst;
  const matchesAfterBurst = afterBurst.matches - atBurstEnd.matches;
  const catchUpSeconds = Math.max(0.001, (caughtUp.at - burstEnd) / 1000);
  console.log(
    `[soak] burst: ${vacancies} writes in ${((burstEnd - burstStart) / 1000).toFixed(1)} s; ` +
      `${matchesAfterBurst} matches after it in ${catchUpSeconds.toFixed(1)} s ` +
      `(${Math.round(matchesAfterBurst / catchUpSeconds)}/s, ` +
      `${Math.round(matchesAfterBurst / Math.max(0.001, caughtUp.cpuSeconds - atBurstEnd.cpuSeconds))} per CPU second)`,
  );

  const memoryAfterBurst = await settledMemory();

  // 3. Soak: paged reads, following cursors, starting again at the first page.
  const beforeReads = afterBurst;
  const readStart = Date.now();
  let cursor: string | undefined;
  let pages = 0;
  // Every 30 s of reads, where the memory is (unsettled): does it climb steadily or in steps?
  const timeline: object[] = [];
  const sampler = setInterval(() => {
    if (!last) return;
    const { rss, heapUsed, heapTotal, external } = last;
    timeline.push({
      seconds: Math.round((last.at - readStart) / 1000),
      pages,
      ...allInMB({ rss, heapUsed, heapTotal, external }),
    });
  }, 30_000);
  await inParallel(reads, 4, async () => {
    const query = `limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await api.request('GET', `/v1/employers/me/vacancies?${query}`, { token: employer });
    if (answer.status !== 200) throw new Error(`GET vacancies: ${answer.status}`);
    cursor = answer.body.nextCursor;
    pages++;
  });
  clearInterval(sampler);
  const readSeconds = (Date.now() - readStart) / 1000;
  progress('reads done');
  const afterReads = (await nextSample()) as Sample;
  const memoryAfterReads = await settledMemory();

  const result = {
    synthetic: true,
    machine: '2 cores, shared',
    command: `npm run bench:soak -- --seekers ${seekers} --vacancies ${vacancies} --reads ${reads}`,
    seekers,
    setupSeconds: Math.round((burstStart - started) / 100) / 10,
    burst: {
      writes: vacancies,
      seconds: Math.round((burstEnd - burstStart) / 100) / 10,
      writesPerSecond: Math.round(vacancies / ((burstEnd - burstStart) / 1000)),
      matchesCreated: afterBurst.matches - beforeBurst.matches,
      matchesAfterTheBurst: matchesAfterBurst,
      catchUpSeconds: Math.round(catchUpSeconds * 10) / 10,
      catchUpMatchesPerSecond: Math.round(matchesAfterBurst / catchUpSeconds),
      // The machine is shared: CPU time says what the work costs, whatever else runs.
      catchUpCpuSeconds: Math.round((caughtUp.cpuSeconds - atBurstEnd.cpuSeconds) * 10) / 10,
      catchUpMatchesPerCpuSecond: Math.round(
        matchesAfterBurst / Math.max(0.001, caughtUp.cpuSeconds - atBurstEnd.cpuSeconds),
      ),
      maxFeedBehindSeconds: Math.max(...during.map((s) => s.behindSeconds), atBurstEnd.behindSeconds),
      rssBeforeMB: mb(beforeBurst.rss),
      rssPeakMB: mb(Math.max(...during.map((s) => s.rss))),
      rssAfterMB: mb(afterBurst.rss),
      settledRssBeforeMB: mb(memoryBeforeBurst.rss),
      settledRssAfterMB: mb(memoryAfterBurst.rss),
      settledGrowthPercent: growthPercent(memoryBeforeBurst.rss, memoryAfterBurst.rss),
      heldRssBeforeMB: mb(memoryBeforeBurst.rssReleased),
      heldRssAfterMB: mb(memoryAfterBurst.rssReleased),
      heldGrowthPercent: growthPercent(memoryBeforeBurst.rssReleased, memoryAfterBurst.rssReleased),
    },
    reads: {
      requests: reads,
      pages,
      seconds: Math.round(readSeconds * 10) / 10,
      perSecond: Math.round(reads / readSeconds),
      rssBeforeMB: mb(beforeReads.rss),
      rssAfterMB: mb(afterReads.rss),
      growthPercent: growthPercent(beforeReads.rss, afterReads.rss),
      settledRssBeforeMB: mb(memoryAfterBurst.rss),
      settledRssAfterMB: mb(memoryAfterReads.rss),
      settledGrowthPercent: growthPercent(memoryAfterBurst.rss, memoryAfterReads.rss),
      heldRssBeforeMB: mb(memoryAfterBurst.rssReleased),
      heldRssAfterMB: mb(memoryAfterReads.rssReleased),
      // The target: what the runtime holds grows by at most 20 % over the 30,000 reads.
      heldGrowthPercent: growthPercent(memoryAfterBurst.rssReleased, memoryAfterReads.rssReleased),
      timeline,
    },
    // Where the memory is at each point, in MB (see soak-runtime.ts).
    memory: {
      beforeBurst: inMB(memoryBeforeBurst),
      afterBurst: inMB(memoryAfterBurst),
      afterReads: inMB(memoryAfterReads),
    },
    // The whole soak, from before the burst to after the reads (the database has grown meanwhile).
    settledGrowthPercent: growthPercent(memoryBeforeBurst.rss, memoryAfterReads.rss),
    heldGrowthPercent: growthPercent(memoryBeforeBurst.rssReleased, memoryAfterReads.rssReleased),
  };
  console.log(JSON.stringify(result, null, 2));
  if (values.out) await writeFile(values.out, `${JSON.stringify(result, null, 2)}\n`);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
  return result;
}

async function inParallel(count: number, width: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await soak();
