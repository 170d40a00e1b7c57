import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime';
import { tableClientFromEnv } from '../../shared/adapters/dynamodb/client';
import { apiClient } from '../support/api';
import { paluSeekerProfile } from '../support/samples';

let runtime: LocalRuntime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startLocalRuntime();
  api = apiClient(runtime.url);
});
afterAll(() => runtime.stop());

describe('seeker profile through the local API', () => {
  it('is created (201), replaced (200), read, and refused when stale', async () => {
    const lea = await api.token('lea', 'seeker');
    expect((await api.request('GET', '/v1/seekers/me', { token: lea })).status).toBe(404);
    const created = await api.request('PUT', '/v1/seekers/me', { token: lea, body: paluSeekerProfile() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'lea', version: 1, home: { commune: '64445' } });
    const replaced = await api.request('PUT', '/v1/seekers/me', {
      token: lea,
      body: { ...paluSeekerProfile(), commute: { maxMinutes: 30, modes: ['car'] } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      version: 2,
      createdAt: created.body.createdAt,
      commute: { maxMinutes: 30 },
    });
    const read = await api.request('GET', '/v1/seekers/me', { token: lea });
    expect(read.body).toEqual(replaced.body);
    expect(read.headers.get('etag')).toBe('"2"');
    const stale = await api.request('PUT', '/v1/seekers/me', {
      token: lea,
      body: paluSeekerProfile(),
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
  });

  it('erases every item of the person on DELETE, and only theirs', async () => {
    const tom = await api.token('tom', 'seeker');
    const zoe = await api.token('zoe', 'seeker');
    await api.request('PUT', '/v1/seekers/me', { token: tom, body: paluSeekerProfile() });
    await api.request('PUT', '/v1/seekers/me', { token: zoe, body: paluSeekerProfile() });
    const { doc, tableName } = tableClientFromEnv();
    // Stand-ins for what later features store under the person (matches, devices).
    for (const sk of ['MATCH#1', 'DEVICE#1']) {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: { PK: 'SEEKER#tom', SK: sk, entity: 'Other' } }),
      );
    }
    const erased = await api.request('DELETE', '/v1/seekers/me', { token: tom });
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
    expect((await api.request('GET', '/v1/seekers/me', { token: tom })).status).toBe(404);
    expect((await api.request('GET', '/v1/seekers/me', { token: zoe })).status).toBe(200);
    expect((await api.request('DELETE', '/v1/seekers/me', { token: tom })).status).toBe(204);
  });

  it('is only for seekers', async () => {
    const acme = await api.token('acme', 'employer');
    expect(
      (await api.request('PUT', '/v1/seekers/me', { token: acme, body: paluSeekerProfile() })).status,
    ).toBe(403);
  });
});
