import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const local = useLocalRuntime();

const post = async (token: string, body: object) => {
  const answer = await local.api.request('POST', '/v1/vacancies', { token, body });
  expect(answer.status).toBe(201);
  return answer.body.id as string;
};

describe('matching on the local runtime (the done-when scenario)', () => {
  it('matches a Pau welder to Lescar aeronautics, not Bayonne nor chemistry, explains it, and withdraws on close', async () => {
    const { api, runtime } = local;
    const employer = await api.token('airbus-like', 'employer');
    const seeker = await api.token('pau-welder', 'seeker');
    const profile = { ...paluSeekerProfile(), commute: { maxMinutes: 40, modes: ['car'] } };
    expect((await api.request('PUT', '/v1/seekers/me', { token: seeker, body: profile })).status).toBe(201);

    const lescar = await post(employer, welderVacancy());
    const bayonne = await post(employer, { ...welderVacancy(), site: { commune: '64102' } });
    const chemistry = await post(employer, { ...welderVacancy(), sector: 'chemistry' });
    await runtime.feed.idle();

    const mine = await api.request('GET', '/v1/seekers/me/matches', { token: seeker });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((m: { vacancyId: string }) => m.vacancyId)).toEqual([lescar]);
    const [match] = mine.body.items;
    expect(match.commute).toMatchObject({ mode: 'car' });
    expect(match.commute.minutes).toBeLessThanOrEqual(40);
    const commute = match.explanation.find((c: { criterion: string }) => c.criterion === 'commute');
    expect(commute.detail).toMatch(/^car \d+ min ≤ 40/);
    expect(match.explanation.find((c: { criterion: string }) => c.criterion === 'occupation').detail).toBe(
      'same ROME code H2913',
    );
    expect(match.vacancy.commune).toEqual({ code: '64335', name: 'Lescar' });

    // The employer sees an anonymised candidate, without contact until the seeker accepts.
    const candidates = await api.request('GET', `/v1/vacancies/${lescar}/matches`, { token: employer });
    expect(candidates.status).toBe(200);
    expect(candidates.body.items).toHaveLength(1);
    const [candidate] = candidates.body.items;
    expect(candidate.candidate.area).toBe('Pau');
    expect(candidate.contact).toBeUndefined();
    expect(JSON.stringify(candidate)).not.toContain('+33612345678');
    expect(JSON.stringify(candidate)).not.toContain('pau-welder');
    expect(
      (await api.request('GET', `/v1/vacancies/${bayonne}/matches`, { token: employer })).body.items,
    ).toEqual([]);
    expect(
      (await api.request('GET', `/v1/vacancies/${chemistry}/matches`, { token: employer })).body.items,
    ).toEqual([]);

    const accepted = await api.request('POST', `/v1/matches/${match.id}/accept`, { token: seeker });
    expect(accepted.status).toBe(200);
    expect(accepted.body.response).toBe('accepted');
    const withContact = await api.request('GET', `/v1/vacancies/${lescar}/matches`, { token: employer });
    expect(withContact.body.items[0].contact).toEqual({ channel: 'sms', phone: '+33612345678' });

    // Closing the vacancy withdraws the match.
    await api.request('POST', `/v1/vacancies/${lescar}/close`, { token: employer });
    await runtime.feed.idle();
    expect((await api.request('GET', '/v1/seekers/me/matches', { token: seeker })).body.items).toEqual([]);
    const late = await api.request('POST', `/v1/matches/${match.id}/decline`, { token: seeker });
    expect(late.status).toBe(409);
  });
});
