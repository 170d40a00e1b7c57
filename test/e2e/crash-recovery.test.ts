import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { localClientConfig, startDynalite } from '../../infra/local/dynalite';
import { startLocalRuntime } from '../../infra/local/runtime';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import type { OutboxEntry } from '../../shared/adapters/local/outbox-sender';
import { apiClient } from '../support/api';
import { killRuntimesAfterEach, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

killRuntimesAfterEach();

/** Offers go out at any hour, so that every eligible match ends in the outbox. */
const anyHour = { quietHours: { start: '00:00', end: '00:00' }, dailyCap: 20 };
const seekers = [
  { sub: 'crash-s1', home: '64445', sectors: ['aeronautics', 'metalworking'] },
  { sub: 'crash-s2', home: '64335', sectors: ['aeronautics'] },
  { sub: 'crash-s3', home: '65440', sectors: ['aeronautics'] },
  { sub: 'crash-s4', home: '64430', sectors: ['chemistry'] },
].map((s, i) => ({
  sub: s.sub,
  body: {
    ...paluSeekerProfile(),
    sectors: s.sectors,
    home: { commune: s.home },
    commute: { maxMinutes: 45, modes: ['car'] },
    contact: { channel: 'sms', phone: `+3361000000${i}` },
    notifications: anyHour,
  },
}));
const vacancies = [
  ['64335', 'aeronautics'],
  ['64445', 'aeronautics'],
  ['65440', 'aeronautics'],
  ['64348', 'metalworking'],
  ['64300', 'chemistry'],
  ['64410', 'chemistry'],
].map(([commune, sector], i) => ({
  key: `crash-vacancy-${i}`,
  body: { ...welderVacancy(), sector, site: { commune } },
}));

type Api = ReturnType<typeof apiClient>;

/** The workload, each request retried (same body, same Idempotency-Key) until it gets an answer. */
async function runWorkload(current: () => Promise<Api>) {
  const send = async (method: string, path: string, token: (api: Api) => Promise<string>, options = {}) => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const api = await current();
      // A dead runtime fails the token request as well as the request itself: both are retried.
      const answer = await token(api)
        .then((bearer) => api.request(method, path, { token: bearer, ...options }))
        .catch(() => undefined);
      if (answer && answer.status !== 409 && answer.status < 500) return answer;
      // Dead (no answer) or still locked by a request that died: ask again.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${method} ${path} never got an answer`);
  };
  const employer = (api: Api) => api.token('crash-co', 'employer');
  for (const [i, seeker] of seekers.entries()) {
    expect(
      (await send('PUT', '/v1/seekers/me', (api) => api.token(seeker.sub, 'seeker'), { body: seeker.body }))
        .status,
    ).toBeLessThan(300);
    const vacancy = vacancies[i] as (typeof vacancies)[number];
    const headers = { 'idempotency-key': vacancy.key };
    expect((await send('POST', '/v1/vacancies', employer, { body: vacancy.body, headers })).status).toBe(201);
  }
  for (const vacancy of vacancies.slice(seekers.length)) {
    const headers = { 'idempotency-key': vacancy.key };
    expect((await send('POST', '/v1/vacancies', employer, { body: vacancy.body, headers })).status).toBe(201);
  }
}

/** What the consumers derived: matches, statistics buckets, offers; and every listed vacancy readable. */
async function derivedData(endpoint: string) {
  const doc = documentClient(new DynamoDBClient(localClientConfig(endpoint)));
  const items = (await doc.send(new ScanCommand({ TableName: 'bassin' }))).Items ?? [];
  const matches = Object.fromEntries(
    items
      .filter((i) => i.entity === 'Match')
      .map((m) => [m.id, { status: m.status, score: m.score, response: m.response }]),
  );
  const buckets = Object.fromEntries(
    items
      .filter((i) => String(i.PK).startsWith('STAT#'))
      .map((b) => [
        `${b.PK}|${b.SK}`,
        Object.fromEntries(
          Object.entries(b).filter(
            ([name, value]) => name.includes('|') && !name.startsWith('m|') && value !== 0,
          ),
        ),
      ]),
  );
  const offers = Object.fromEntries(items.filter((i) => i.entity === 'Offer').map((o) => [o.id, o.status]));
  const pendingRecords = items.filter((i) => i.entity === 'StatisticsContribution' && i.pending);
  const listed =
    (
      await doc.send(
        new QueryCommand({
          TableName: 'bassin',
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :p',
          ExpressionAttributeValues: { ':p': 'EMPLOYER#crash-co' },
        }),
      )
    ).Items ?? [];
  const missing = [];
  for (const entry of listed) {
    const { Item } = await doc.send(
      new GetCommand({ TableName: 'bassin', Key: { PK: entry.PK, SK: entry.SK } }),
    );
    if (!Item) missing.push(entry.PK);
  }
  return { matches, buckets, offers, pendingRecords, listed: listed.length, missing };
}

const sentOnce = (outbox: OutboxEntry[]) => {
  const counts: Record<string, number> = {};
  for (const entry of outbox) counts[entry.ref] = (counts[entry.ref] ?? 0) + 1;
  return counts;
};

describe('npm start killed (-9) at random points, restarted, left to settle', () => {
  it('ends with the derived data of a clean run: same matches, same statistics, each offer sent once', async () => {
    // The clean run, in this process.
    const clean = await startLocalRuntime();
    const cleanApi = apiClient(clean.url);
    await runWorkload(async () => cleanApi);
    await clean.settled(60_000);
    const expected = await derivedData(clean.dynamoEndpoint);
    const expectedOutbox = sentOnce((await cleanApi.request('GET', '/dev/outbox')).body.items);
    await clean.stop();
    expect(Object.keys(expected.matches).length).toBeGreaterThan(5);
    expect(Object.keys(expectedOutbox).length).toBeGreaterThan(3);

    // The crash run: killed three times at random moments while it works, once just after
    // the last answer, restarted on the same data each time.
    const dataDir = await mkdtemp(join(tmpdir(), 'bassin-crashes-'));
    const env = { BASSIN_FUNCTION_TIMEOUT_MS: '1500' };
    const killAfterMs = [0, 1, 2].map(() => 150 + Math.floor(Math.random() * 1200));
    console.log(`crash test: kills at ${killAfterMs.join(', ')} ms after each start`);
    let runtime: RuntimeProcess = await startRuntimeProcess(dataDir, env);
    let restarts = 0;
    let starting: Promise<RuntimeProcess> | undefined;
    const armKiller = (instance: RuntimeProcess) => {
      const delay = killAfterMs[restarts];
      if (delay !== undefined) setTimeout(() => void instance.kill9(), delay);
    };
    armKiller(runtime);
    const current = async () => {
      if (starting) return apiClient((await starting).url);
      if ((await Promise.race([runtime.exited, Promise.resolve('alive')])) === 'alive')
        return apiClient(runtime.url);
      restarts++;
      starting = startRuntimeProcess(dataDir, env);
      runtime = await starting;
      starting = undefined;
      armKiller(runtime);
      return apiClient(runtime.url);
    };
    await runWorkload(current);
    // Once more while the consumers are still at work on the last writes.
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(Math.random() * 100)));
    await runtime.kill9();
    const last = await startRuntimeProcess(dataDir, env);
    await apiClient(last.url).request('POST', '/dev/settle');
    const outbox = sentOnce(
      (await readFile(join(dataDir, 'outbox.jsonl'), 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    );
    last.kill9();
    await last.exited;

    const dynamo = await startDynalite({ path: join(dataDir, 'dynamodb') });
    try {
      const actual = await derivedData(dynamo.endpoint);
      expect(actual.missing).toEqual([]);
      expect(actual.listed).toBe(vacancies.length);
      expect(actual.pendingRecords).toEqual([]);
      expect(actual.matches).toEqual(expected.matches);
      expect(actual.buckets).toEqual(expected.buckets);
      expect(actual.offers).toEqual(expected.offers);
      expect(outbox).toEqual(expectedOutbox);
      expect(Object.values(outbox).every((times) => times === 1)).toBe(true);
    } finally {
      await dynamo.stop();
    }
  }, 180_000);
});
