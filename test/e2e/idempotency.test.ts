import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime';
import { welderVacancy } from '../support/samples';

const inserts: DynamoDBRecord[] = [];
const local = useLocalRuntime({
  extraConsumers: [
    {
      name: 'insert-counter',
      batchSize: 50,
      entities: ['Vacancy'],
      handler: async (event) => {
        inserts.push(...event.Records.filter((r) => r.eventName === 'INSERT'));
        return { batchItemFailures: [] };
      },
    },
  ],
});

describe('Idempotency-Key on POST /v1/vacancies', () => {
  it('50 concurrent identical POSTs make exactly one vacancy and one stream event; answers are 201 (identical) or 409', async () => {
    const { api, runtime } = local;
    const token = await api.token('retry-co', 'employer');
    const headers = { 'idempotency-key': 'same-key-for-all-fifty' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.request('POST', '/v1/vacancies', { token, body: welderVacancy(), headers }),
      ),
    );
    const statuses = new Set(answers.map((a) => a.status));
    expect([...statuses].every((s) => s === 201 || s === 409)).toBe(true);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const answer of created) expect(answer.body).toEqual(created[0]?.body);
    for (const conflict of answers.filter((a) => a.status === 409))
      expect(conflict.headers.get('retry-after')).toBe('1');
    await runtime.settled();
    const listed = await api.request('GET', '/v1/employers/me/vacancies', { token });
    expect(listed.body.items).toHaveLength(1);
    expect(inserts.filter((r) => r.dynamodb?.NewImage?.owner?.S === 'retry-co')).toHaveLength(1);

    // A later replay gets the stored answer, headers included.
    const replay = await api.request('POST', '/v1/vacancies', { token, body: welderVacancy(), headers });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(created[0]?.body);
    expect(replay.headers.get('location')).toBe(`/v1/vacancies/${created[0]?.body.id}`);
  });

  it('refuses a missing key (400), and the same key with another body (422) without writing', async () => {
    const { api } = local;
    const token = await api.token('strict-co', 'employer');
    const missing = await api.request('POST', '/v1/vacancies', {
      token,
      body: welderVacancy(),
      headers: { 'idempotency-key': '' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('headers.idempotency-key');
    const headers = { 'idempotency-key': 'strict-co-key-0001' };
    expect(
      (await api.request('POST', '/v1/vacancies', { token, body: welderVacancy(), headers })).status,
    ).toBe(201);
    const other = await api.request('POST', '/v1/vacancies', {
      token,
      body: { ...welderVacancy(), openings: 7 },
      headers,
    });
    expect(other.status).toBe(422);
    expect((await api.request('GET', '/v1/employers/me/vacancies', { token })).body.items).toHaveLength(1);
  });

  it('scopes keys to the caller: two employers may use the same key', async () => {
    const { api } = local;
    const headers = { 'idempotency-key': 'a-very-common-key' };
    const first = await api.request('POST', '/v1/vacancies', {
      token: await api.token('co-a', 'employer'),
      body: welderVacancy(),
      headers,
    });
    const second = await api.request('POST', '/v1/vacancies', {
      token: await api.token('co-b', 'employer'),
      body: welderVacancy(),
      headers,
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.id).not.toBe(second.body.id);
  });

  it('a request that fails validation does not consume its key', async () => {
    const { api } = local;
    const token = await api.token('fix-co', 'employer');
    const headers = { 'idempotency-key': 'fix-co-key-0001' };
    const bad = await api.request('POST', '/v1/vacancies', {
      token,
      body: { ...welderVacancy(), openings: 0 },
      headers,
    });
    expect(bad.status).toBe(400);
    expect(
      (await api.request('POST', '/v1/vacancies', { token, body: welderVacancy(), headers })).status,
    ).toBe(201);
  });

  it('50 concurrent same-key POSTs with a bad body get 400 (or 409), never a 5xx, and leave the key free', async () => {
    const { api } = local;
    const token = await api.token('bad-burst-co', 'employer');
    const headers = { 'idempotency-key': 'bad-burst-co-key-0001' };
    const bodies = [
      { ...welderVacancy(), openings: 0 },
      { ...welderVacancy(), site: { commune: '99999' }, owner: 'me' },
    ];
    for (const body of bodies) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => api.request('POST', '/v1/vacancies', { token, body, headers })),
      );
      const statuses = [...new Set(answers.map((a) => a.status))].sort();
      expect(
        statuses.every((status) => [400, 409, 422].includes(status)),
        String(statuses),
      ).toBe(true);
    }
    expect(
      (await api.request('POST', '/v1/vacancies', { token, body: welderVacancy(), headers })).status,
    ).toBe(201);
  });
});
