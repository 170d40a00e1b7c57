import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const local = useLocalRuntime();

describe('optimistic concurrency', () => {
  it('20 concurrent PATCH with the same If-Match: exactly one wins, 19 get 412, nothing lost', async () => {
    const { api } = local;
    const token = await api.token('race-co', 'employer');
    const posted = await api.request('POST', '/v1/vacancies', { token, body: welderVacancy() });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.request('PATCH', `/v1/vacancies/${posted.body.id}`, {
          token,
          body: { openings: i + 1 },
          headers: { 'if-match': '"1"' },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = answers.find((a) => a.status === 200);
    const stored = await api.request('GET', `/v1/vacancies/${posted.body.id}`, { token });
    expect(stored.body).toEqual(winner?.body);
    expect(stored.body.version).toBe(2);
  });

  it('20 concurrent profile replacements with the same If-Match: exactly one wins', async () => {
    const { api } = local;
    const token = await api.token('race-seeker', 'seeker');
    await api.request('PUT', '/v1/seekers/me', { token, body: paluSeekerProfile() });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.request('PUT', '/v1/seekers/me', {
          token,
          body: { ...paluSeekerProfile(), skills: [`skill ${i}`] },
          headers: { 'if-match': '"1"' },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 412)).toHaveLength(19);
    expect((await api.request('GET', '/v1/seekers/me', { token })).body.version).toBe(2);
  });

  it('without If-Match, closing is idempotent and replacing a profile is last-writer-wins: never a 412', async () => {
    const { api } = local;
    const token = await api.token('no-match-co', 'employer');
    const posted = await api.request('POST', '/v1/vacancies', { token, body: welderVacancy() });
    const path = `/v1/vacancies/${posted.body.id}`;
    // Ten closes at once, and a close racing PATCHes that do say which version they read.
    const closes = await Promise.all(
      Array.from({ length: 10 }, () => api.request('POST', `${path}/close`, { token })),
    );
    expect(closes.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(new Set(closes.map((a) => a.body.closedAt)).size).toBe(1);
    const other = await api.request('POST', '/v1/vacancies', { token, body: welderVacancy() });
    const racing = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) =>
        api.request('PATCH', `/v1/vacancies/${other.body.id}`, {
          token,
          body: { openings: i + 3 },
          headers: { 'if-match': '"1"' },
        }),
      ),
      api.request('POST', `/v1/vacancies/${other.body.id}/close`, { token }),
    ]);
    expect(racing.at(-1)?.status).toBe(200);
    expect((await api.request('GET', `/v1/vacancies/${other.body.id}`, { token })).body.status).toBe(
      'closed',
    );

    const seeker = await api.token('no-match-seeker', 'seeker');
    const puts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.request('PUT', '/v1/seekers/me', {
          token: seeker,
          body: { ...paluSeekerProfile(), skills: [`skill ${i}`] },
        }),
      ),
    );
    expect(puts.map((a) => a.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    const stored = await api.request('GET', '/v1/seekers/me', { token: seeker });
    expect(stored.body.version).toBe(20);
    // The last writer's profile is the one kept.
    const last = puts.find((a) => a.body.version === 20);
    expect(stored.body.skills).toEqual(last?.body.skills);
  });
});
