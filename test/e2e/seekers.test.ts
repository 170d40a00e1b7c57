import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { localContext } from '../../infra/local/change-feed';
import { tableClientFromEnv } from '../../shared/adapters/dynamodb/client';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const recorded: DynamoDBRecord[] = [];
const local = useLocalRuntime({
  extraConsumers: [
    {
      name: 'recorder',
      batchSize: 100,
      handler: async (event) => {
        recorded.push(...event.Records);
        return { batchItemFailures: [] };
      },
    },
  ],
});

describe('seeker profile through the local API', () => {
  it('is created (201), replaced (200), read, and refused when stale', async () => {
    const lea = await local.api.token('lea', 'seeker');
    expect((await local.api.request('GET', '/v1/seekers/me', { token: lea })).status).toBe(404);
    const created = await local.api.request('PUT', '/v1/seekers/me', {
      token: lea,
      body: paluSeekerProfile(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'lea', version: 1, home: { commune: '64445' } });
    const replaced = await local.api.request('PUT', '/v1/seekers/me', {
      token: lea,
      body: { ...paluSeekerProfile(), commute: { maxMinutes: 30, modes: ['car'] } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      version: 2,
      createdAt: created.body.createdAt,
      commute: { maxMinutes: 30 },
    });
    const read = await local.api.request('GET', '/v1/seekers/me', { token: lea });
    expect(read.body).toEqual(replaced.body);
    expect(read.headers.get('etag')).toBe('"2"');
    const stale = await local.api.request('PUT', '/v1/seekers/me', {
      token: lea,
      body: paluSeekerProfile(),
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
  });

  it('erases every item of the person on DELETE, and only theirs', async () => {
    const tom = await local.api.token('tom', 'seeker');
    const zoe = await local.api.token('zoe', 'seeker');
    await local.api.request('PUT', '/v1/seekers/me', { token: tom, body: paluSeekerProfile() });
    await local.api.request('PUT', '/v1/seekers/me', { token: zoe, body: paluSeekerProfile() });
    const { doc, tableName } = tableClientFromEnv();
    // Stand-ins for what later features store under the person (matches, devices).
    for (const sk of ['MATCH#1', 'DEVICE#1']) {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { PK: 'SEEKER#tom', SK: sk, entity: 'Other' } }),
      );
    }
    const erased = await local.api.request('DELETE', '/v1/seekers/me', { token: tom });
    expect(erased.status).toBe(204);
    expect(erased.body).toBeUndefined();
    const left = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'SEEKER#tom' },
      }),
    );
    expect(left.Items).toEqual([]);
    expect((await local.api.request('GET', '/v1/seekers/me', { token: tom })).status).toBe(404);
    expect((await local.api.request('GET', '/v1/seekers/me', { token: zoe })).status).toBe(200);
    expect((await local.api.request('DELETE', '/v1/seekers/me', { token: tom })).status).toBe(204);
  });

  it('is only for seekers', async () => {
    const acme = await local.api.token('acme', 'employer');
    expect(
      (await local.api.request('PUT', '/v1/seekers/me', { token: acme, body: paluSeekerProfile() })).status,
    ).toBe(403);
  });
});

describe('right of access', () => {
  it('exports everything held about the person, and nobody else’s', async () => {
    const { api, runtime } = local;
    const ana = await api.token('ana', 'seeker');
    const employer = await api.token('export-co', 'employer');
    await api.request('PUT', '/v1/seekers/me', { token: ana, body: paluSeekerProfile() });
    await api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() });
    await runtime.settled();
    const exported = await api.request('GET', '/v1/seekers/me/export', { token: ana });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    expect(exported.body).toMatchObject({
      subject: 'ana',
      profile: { id: 'ana', home: { commune: '64445' } },
    });
    expect(exported.body.matches.length).toBeGreaterThan(0);
    expect(exported.body.matchingIndex.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported.body)).not.toMatch(/"seekerId":"(?!ana")/);
    const nobody = await api.request('GET', '/v1/seekers/me/export', {
      token: await api.token('nobody', 'seeker'),
    });
    expect(nobody.body).toMatchObject({ profile: null, matches: [], offers: [] });
  });
});

describe('erasure under replay', () => {
  it('replaying every stream record of the person after erasure brings nothing back', async () => {
    const { api, runtime } = local;
    const { handler: matcher } = await import('../../functions/stream/matcher');
    const { handler: offers } = await import('../../functions/stream/offers');
    const zed = await api.token('zed', 'seeker');
    const employer = await api.token('replay-co', 'employer');
    await api.request('PUT', '/v1/seekers/me', { token: zed, body: paluSeekerProfile() });
    await api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() });
    await runtime.settled();
    expect(
      (await api.request('GET', '/v1/seekers/me/matches', { token: zed })).body.items.length,
    ).toBeGreaterThan(0);
    expect((await api.request('DELETE', '/v1/seekers/me', { token: zed })).status).toBe(204);
    await runtime.settled();

    const history = recorded.filter(
      (r) =>
        JSON.stringify(r.dynamodb?.Keys ?? {}).includes('zed') ||
        JSON.stringify(r.dynamodb?.NewImage ?? r.dynamodb?.OldImage ?? {}).includes('"zed"'),
    );
    expect(history.length).toBeGreaterThan(2);
    const context = localContext('replay') as Context;
    await matcher({ Records: history }, context);
    await offers({ Records: history }, context);
    await runtime.settled();

    const { doc, tableName } = tableClientFromEnv();
    const left = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'SEEKER#zed' },
      }),
    );
    expect(left.Items).toEqual([]);
    expect((await api.request('GET', '/v1/seekers/me/export', { token: zed })).body).toMatchObject({
      profile: null,
      matches: [],
    });

    // Coming back is allowed: a new profile starts afresh.
    expect(
      (await api.request('PUT', '/v1/seekers/me', { token: zed, body: paluSeekerProfile() })).status,
    ).toBe(201);
    await runtime.settled();
    expect(
      (await api.request('GET', '/v1/seekers/me/matches', { token: zed })).body.items.length,
    ).toBeGreaterThan(0);
  });
});
