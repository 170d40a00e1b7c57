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
});
