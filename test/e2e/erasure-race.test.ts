import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localContext } from '../../infra/local/change-feed';
import { tableClientFromEnv } from '../../shared/adapters/dynamodb/client';
import { matchId } from '../../shared/domain/match';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

/** Every stream record, as delivered: replayed late (out of turn) by some runs. */
const delivered: DynamoDBRecord[] = [];
const local = useLocalRuntime({
  feed: { backoffMs: 5 },
  extraConsumers: [
    {
      name: 'recorder',
      batchSize: 100,
      handler: async (event) => {
        delivered.push(...event.Records);
        return { batchItemFailures: [] };
      },
    },
  ],
});

const consumers = {
  matcher: () => import('../../functions/stream/matcher'),
  offers: () => import('../../functions/stream/offers'),
  statistics: () => import('../../functions/stream/statistics'),
};
type ConsumerName = keyof typeof consumers;

const scenario = fc.record({
  /** When the DELETE comes: some milliseconds after the PUT, or once some of its records were delivered. */
  eraseAfter: fc.oneof(
    fc.integer({ min: 0, max: 250 }).map((ms) => ({ ms })),
    fc.integer({ min: 1, max: 12 }).map((records) => ({ records })),
  ),
  /** The seeker changes their profile first (a second round of matching). */
  change: fc.boolean(),
  /** The seeker accepts a match first, if one is there yet. */
  accept: fc.boolean(),
  /** An employer posts a vacancy in reach while the DELETE runs (a vacancy rematch races it). */
  newVacancy: fc.boolean(),
  /** Consumers run late, in this order, on what they saw of the person, while the DELETE runs. */
  lateConsumers: fc.shuffledSubarray(Object.keys(consumers) as ConsumerName[]),
});

let run = 0;

describe('erasure against the consumers (property-based, on dynalite)', () => {
  it('whenever the DELETE lands and whatever order consumers run in, nothing of the person remains but the tombstone', async () => {
    const { api, runtime } = local;
    const employer = await api.token('erasure-race-co', 'employer');
    const vacancyIds: string[] = [];
    for (const site of ['64335', '64445']) {
      const posted = await api.request('POST', '/v1/vacancies', {
        token: employer,
        body: { ...welderVacancy(), site: { commune: site } },
      });
      vacancyIds.push(posted.body.id);
    }
    await runtime.settled();

    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const id = `erased-${++run}-p`;
        const phone = `+336${String(10_000_000 + run)}`;
        const token = await api.token(id, 'seeker');
        const profile = {
          ...paluSeekerProfile(),
          contact: { channel: 'sms', phone },
          // Offers go out at any hour in this test, so the outbox has something to forget.
          notifications: { quietHours: { start: '00:00', end: '00:00' }, dailyCap: 20 },
        };
        const ofPerson = () =>
          delivered.filter((r) =>
            JSON.stringify(r.dynamodb?.NewImage ?? r.dynamodb?.OldImage ?? {}).includes(`"${id}"`),
          );
        expect((await api.request('PUT', '/v1/seekers/me', { token, body: profile })).status).toBe(201);
        if (s.change)
          await api.request('PUT', '/v1/seekers/me', {
            token,
            body: { ...profile, skills: ['soudage TIG'] },
          });
        if (s.accept) {
          const mine = await api.request('GET', '/v1/seekers/me/matches', { token });
          const first = mine.body.items[0];
          if (first) await api.request('POST', `/v1/matches/${first.id}/accept`, { token });
        }
        const { eraseAfter } = s;
        if ('ms' in eraseAfter) await new Promise((resolve) => setTimeout(resolve, eraseAfter.ms));
        else
          await expect
            .poll(() => ofPerson().length >= eraseAfter.records || !runtime.feed.busy, { timeout: 60_000 })
            .toBe(true);

        const seen = ofPerson();
        const context = localContext('late') as Context;
        // As an event source mapping would: a batch that fails (a conditional write lost to
        // the current consumer) is delivered again.
        const late = (async () => {
          for (const name of s.lateConsumers) {
            const { handler } = await consumers[name]();
            for (let attempt = 0; attempt < 10; attempt++) {
              const answer = (await handler({ Records: seen }, context).catch(() => undefined)) as
                | DynamoDBBatchResponse
                | undefined;
              if (answer && answer.batchItemFailures.length === 0) break;
            }
          }
        })();
        const racing = s.newVacancy
          ? api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() })
          : undefined;
        expect((await api.request('DELETE', '/v1/seekers/me', { token })).status).toBe(204);
        const posted = await racing;
        await late;
        await runtime.settled();

        // Not in any partition, index, statistics record or mark: scan the whole table.
        const matchIds = [...vacancyIds, ...(posted ? [posted.body.id] : [])].map((v) => matchId(v, id));
        const traces = [`"${id}"`, `#${id}`, phone, ...matchIds];
        const { doc, tableName } = tableClientFromEnv();
        const items = (await doc.send(new ScanCommand({ TableName: tableName }))).Items ?? [];
        const left = items
          .filter((item) => item.PK !== `TOMBSTONE#${id}`)
          .filter((item) => traces.some((trace) => JSON.stringify(item).includes(trace)));
        expect(left).toEqual([]);
        expect(items.some((item) => item.PK === `TOMBSTONE#${id}`)).toBe(true);

        const exported = (await api.request('GET', '/v1/seekers/me/export', { token })).body;
        expect(exported).toMatchObject({
          profile: null,
          matches: [],
          offers: [],
          devices: [],
          matchingIndex: [],
          messageCounters: [],
          statistics: [],
          other: [],
        });
        expect(exported.erasure?.erasedAt).toBeDefined();
        const outbox = (await api.request('GET', '/dev/outbox')).body.items;
        expect(
          outbox.filter((m: { to: string; subject: string }) => m.to === phone || m.subject === id),
        ).toEqual([]);
      }),
      { numRuns: Number(process.env.ERASURE_RUNS ?? 8) },
    );
  }, 120_000);
});
