import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localContext } from '../../infra/local/change-feed';
import { prng, syntheticSeeker, syntheticVacancy } from '../../infra/local/synthetic';
import { newMeter, queryAll } from '../../shared/adapters/dynamodb/items';
import { seekerReachKeys } from '../../shared/adapters/dynamodb/keys/seeker-reach-keys';
import { vacancyKeys } from '../../shared/adapters/dynamodb/keys/vacancy-keys';
import {
  dynamoMatchIndex,
  legacyReachIndexItems,
  reachIndexItems,
} from '../../shared/adapters/dynamodb/match-index';
import { dynamoMatchStore } from '../../shared/adapters/dynamodb/match-store';
import { dynamoSeekerStore } from '../../shared/adapters/dynamodb/seeker-store';
import { dynamoVacancyStore } from '../../shared/adapters/dynamodb/vacancy-store';
import { estimatorTravelTime } from '../../shared/adapters/travel/estimator';
import { reachDirections } from '../../shared/domain/geo';
import { locateHome, locateSite } from '../../shared/domain/locate';
import { evaluateMatch } from '../../shared/domain/matching/evaluate';
import { seekerReachKm } from '../../shared/domain/matching/lifecycle';
import { reindexAllSeekers } from '../../shared/domain/matching/reindex';
import { startLocalTable } from '../support/local-table';

let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeAll(async () => {
  local = await startLocalTable();
  Object.assign(process.env, {
    TABLE_NAME: 'bassin',
    AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
    AWS_REGION: 'eu-west-3',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
});
afterAll(() => local.stop());

const travel = estimatorTravelTime();

describe('candidate retrieval on dynalite', () => {
  it('finds exactly the seekers brute force finds (recall 1.0), reading a fraction of them', async () => {
    const next = prng(7);
    const seekers = Array.from({ length: 400 }, (_, i) => syntheticSeeker(next, `r-seeker-${i}`));
    // Bulk-loaded as reindexSeeker writes them (it is exercised by the migration and consumer tests).
    await local.putItems(
      seekers
        .filter((seeker) => seeker.consent.matching)
        .flatMap((seeker) =>
          reachIndexItems(seeker.id, seeker, locateHome(seeker.home).point, seekerReachKm(seeker)),
        ),
    );
    let read = 0;
    let expectedTotal = 0;
    for (let v = 0; v < 12; v++) {
      const vacancy = syntheticVacancy(next, `r-vacancy-${v}`);
      const site = locateSite(vacancy.site);
      const fits = async (list: typeof seekers) => {
        const ids: string[] = [];
        for (const seeker of list) {
          const result = await evaluateMatch(
            { vacancy, site, seeker, home: locateHome(seeker.home) },
            travel,
          );
          if (result.fits) ids.push(seeker.id);
        }
        return ids.sort();
      };
      const meter = newMeter();
      const candidates = await dynamoMatchIndex(local.table, { meter }).seekersInReach(
        vacancy.sector,
        site.point,
        vacancy.shifts,
      );
      const expected = await fits(seekers);
      expect(await fits(seekers.filter((s) => candidates.some((c) => c.id === s.id)))).toEqual(expected);
      // 3×3 cells at 4 levels, less those out of reach, times the vacancy's shifts and `any`.
      expect(meter.requests).toBeLessThanOrEqual(36 * (vacancy.shifts.length + 1));
      read += meter.items;
      expectedTotal += expected.length;
    }
    expect(expectedTotal).toBeGreaterThan(0);
    expect(read / 12).toBeLessThan(seekers.length / 2);
  });

  it('finds open vacancies of a sector in a seeker’s reach, and forgets closed ones', async () => {
    const vacancies = dynamoVacancyStore(local.table);
    const index = dynamoMatchIndex(local.table);
    const base = syntheticVacancy(prng(1), 'o-1');
    await vacancies.create({ ...base, sector: 'rail', site: { commune: '64335' } });
    await vacancies.create({ ...base, id: 'o-2', sector: 'rail', site: { commune: '64102' } });
    const pau = locateHome({ commune: '64445' }).point;
    expect((await index.openVacanciesInReach('rail', pau, 25)).map((v) => v.id)).toEqual(['o-1']);
    expect((await index.openVacanciesInReach('rail', pau, 120)).map((v) => v.id).sort()).toEqual([
      'o-1',
      'o-2',
    ]);
    await vacancies.replace(
      { ...base, sector: 'rail', site: { commune: '64335' }, status: 'closed', version: 2 },
      1,
    );
    expect((await index.openVacanciesInReach('rail', pau, 25)).map((v) => v.id)).toEqual([]);
  });
});

describe('reach index migration (format 1 → 2)', () => {
  it('still finds a seeker indexed in format 1, rewrites them in format 2, then reads format 1 no more', async () => {
    const seekers = dynamoSeekerStore(local.table);
    const seeker = {
      ...syntheticSeeker(prng(3), 'm-seeker'),
      sectors: ['wood-paper' as const],
      home: { commune: '64445' },
      commute: { maxMinutes: 30, modes: ['car' as const] },
      shifts: ['night' as const],
      consent: { matching: true, statistics: true },
    };
    await seekers.create(seeker);
    // As a table written before this format holds it: format-1 items and no migration marker.
    const home = locateHome(seeker.home).point;
    for (const Item of legacyReachIndexItems(seeker.id, seeker, home, seekerReachKm(seeker)))
      await local.table.doc.send(new PutCommand({ TableName: 'bassin', Item }));
    await local.table.doc.send(new DeleteCommand({ TableName: 'bassin', Key: seekerReachKeys.migrated }));
    const lescar = locateSite({ commune: '64335' }).point;
    const found = async () => {
      const meter = newMeter();
      const ids = (
        await dynamoMatchIndex(local.table, { meter }).seekersInReach('wood-paper', lescar, ['night'])
      ).map((s) => s.id);
      return { ids, requests: meter.requests };
    };
    const before = await found();
    expect(before.ids).toEqual(['m-seeker']);

    const result = await reindexAllSeekers({
      seekers,
      index: dynamoMatchIndex(local.table),
      clock: { now: () => new Date() },
    });
    expect(result.reindexed).toBeGreaterThanOrEqual(1);
    const items = await queryAll(local.table, {
      TableName: 'bassin',
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :reach)',
      ExpressionAttributeValues: { ':pk': 'SEEKER#m-seeker', ':reach': 'REACH#' },
    });
    // One per direction for the one sector and the one shift; the format-1 item is gone.
    expect(items.map((item) => item.SK).sort()).toEqual(
      Array.from({ length: reachDirections }, (_, d) => `REACH#wood-paper#night#D${d}`),
    );
    const after = await found();
    expect(after.ids).toEqual(['m-seeker']);
    // The marker is read once and the format-1 partitions are no longer queried.
    expect(after.requests).toBeLessThan(before.requests);
    expect(
      (await dynamoMatchIndex(local.table).seekersInReach('wood-paper', lescar, ['day'])).map((s) => s.id),
    ).toEqual([]);
  });
});

describe('matcher consumer', () => {
  const record = (
    image: Record<string, unknown>,
    sequence: number,
    eventName: 'INSERT' | 'MODIFY' = 'INSERT',
  ): DynamoDBRecord => ({
    eventID: String(sequence),
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: {
      Keys: marshall({ PK: image.PK, SK: image.SK }) as never,
      NewImage: marshall(image, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(sequence).padStart(10, '0'),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  });

  it('creates matches once: the same batch twice leaves every match as it was; one poison record fails alone', async () => {
    const { handler } = await import('../../functions/stream/matcher');
    const seekers = dynamoSeekerStore(local.table);
    const vacancies = dynamoVacancyStore(local.table);
    const next = prng(99);
    const seeker = {
      ...syntheticSeeker(next, 'c-seeker'),
      sectors: ['defence' as const],
      occupations: ['H2913'],
      home: { commune: '64445' },
      commute: { maxMinutes: 45, modes: ['car' as const] },
      consent: { matching: true, statistics: true },
    };
    delete (seeker as { shifts?: unknown }).shifts;
    await seekers.create(seeker);
    const records: DynamoDBRecord[] = [
      record({ PK: `SEEKER#${seeker.id}`, SK: 'PROFILE', entity: 'SeekerProfile', ...seeker }, 1),
    ];
    for (let i = 0; i < 9; i++) {
      const vacancy = {
        ...syntheticVacancy(next, `c-vacancy-${i}`),
        sector: 'defence' as const,
        site: { commune: i % 2 ? '64335' : '64445' },
      };
      vacancy.shifts = ['day'];
      await vacancies.create(vacancy);
      records.push(record({ ...vacancyKeys.primary(vacancy.id), entity: 'Vacancy', ...vacancy }, 2 + i));
    }
    // A vacancy written around the domain's checks, in a commune with no coordinates: a poison record.
    const poison = {
      ...syntheticVacancy(next, 'c-poison'),
      sector: 'defence' as const,
      site: { commune: '14666' },
    };
    await local.table.doc.send(
      new PutCommand({
        TableName: 'bassin',
        Item: { ...vacancyKeys.primary(poison.id), entity: 'Vacancy', ...poison },
      }),
    );
    records.splice(5, 0, record({ ...vacancyKeys.primary(poison.id), entity: 'Vacancy', ...poison }, 100));

    const first = await handler({ Records: records }, localContext('matcher') as Context);
    expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: '0000000100' }] });
    const matches = dynamoMatchStore(local.table);
    const after = await matches.activeForSeeker(seeker.id);
    expect(after.map((m) => m.vacancyId).sort()).toEqual(
      Array.from({ length: 9 }, (_, i) => `c-vacancy-${i}`),
    );

    const second = await handler({ Records: records }, localContext('matcher') as Context);
    expect(second).toEqual(first);
    expect(await matches.activeForSeeker(seeker.id)).toEqual(after);
  });

  it('withdraws on close and on consent withdrawal, and keeps the seeker’s answer on refresh', async () => {
    const { handler } = await import('../../functions/stream/matcher');
    const seekers = dynamoSeekerStore(local.table);
    const vacancies = dynamoVacancyStore(local.table);
    const matches = dynamoMatchStore(local.table);
    const next = prng(5);
    const seeker = {
      ...syntheticSeeker(next, 'w-seeker'),
      sectors: ['rail' as const],
      home: { commune: '64445' },
      commute: { maxMinutes: 45, modes: ['car' as const] },
      consent: { matching: true, statistics: false },
    };
    delete (seeker as { shifts?: unknown }).shifts;
    const vacancy = {
      ...syntheticVacancy(next, 'w-vacancy'),
      sector: 'rail' as const,
      site: { commune: '64335' },
    };
    vacancy.shifts = ['day'];
    await seekers.create(seeker);
    await vacancies.create(vacancy);
    const seekerRecord = (n: number) =>
      record({ PK: `SEEKER#${seeker.id}`, SK: 'PROFILE', entity: 'SeekerProfile', ...seeker }, n);
    const vacancyRecord = (n: number) =>
      record({ ...vacancyKeys.primary(vacancy.id), entity: 'Vacancy', ...vacancy }, n);
    await handler({ Records: [seekerRecord(1), vacancyRecord(2)] }, localContext('matcher') as Context);
    const [match] = await matches.activeForVacancy(vacancy.id);
    expect(match).toBeDefined();
    if (!match) return;
    await matches.respond(match, 'accepted', { channel: 'none' }, '2026-11-26T09:00:00.000Z');
    // A changed vacancy refreshes the match but keeps the answer.
    await vacancies.replace({ ...vacancy, openings: 9, version: 2 }, 1);
    await handler({ Records: [vacancyRecord(3)] }, localContext('matcher') as Context);
    expect(await matches.get(match.id)).toMatchObject({
      response: 'accepted',
      vacancy: { openings: 9 },
      status: 'active',
    });

    await vacancies.replace({ ...vacancy, openings: 9, version: 3, status: 'closed' }, 2);
    // Replaying the old INSERT after the close must not resurrect the match.
    await handler({ Records: [vacancyRecord(4), vacancyRecord(2)] }, localContext('matcher') as Context);
    expect(await matches.get(match.id)).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: 'match.vacancyClosed',
    });
    expect(await matches.activeForSeeker(seeker.id)).toEqual([]);

    const vacancy2 = { ...vacancy, id: 'w-vacancy-2' };
    await vacancies.create(vacancy2);
    await handler(
      { Records: [record({ ...vacancyKeys.primary(vacancy2.id), entity: 'Vacancy', ...vacancy2 }, 5)] },
      localContext('matcher') as Context,
    );
    expect(await matches.activeForSeeker(seeker.id)).toHaveLength(1);
    await seekers.replace({ ...seeker, consent: { matching: false, statistics: false }, version: 2 }, 1);
    await handler({ Records: [seekerRecord(6)] }, localContext('matcher') as Context);
    expect(await matches.activeForSeeker(seeker.id)).toEqual([]);
    const reach = await queryAll(local.table, {
      TableName: 'bassin',
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :r)',
      ExpressionAttributeValues: { ':pk': `SEEKER#${seeker.id}`, ':r': 'REACH#' },
    });
    expect(reach).toEqual([]);
  });
});
