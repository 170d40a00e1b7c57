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
    const reason = (criterion: string) =>
      match.explanation.find((c: { criterion: string }) => c.criterion === criterion);
    expect(reason('commute')).toMatchObject({ code: 'commute.within', params: { mode: 'car', limit: 40 } });
    expect(reason('commute').text).toMatch(
      /^Trajet en voiture estimé à \d+ min pour un poste du matin \(limite : 40 min\)$/,
    );
    expect(reason('occupation')).toMatchObject({
      code: 'occupation.same',
      text: 'Même métier : Soudeur / Soudeuse',
    });
    expect(match.vacancy.commune).toEqual({ code: '64335', name: 'Lescar' });
    expect(match.vacancy.labels).toMatchObject({
      sector: 'Aéronautique et spatial',
      occupation: 'Soudeur / Soudeuse',
      commune: 'Lescar (64230)',
    });

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

    // The contact shown is the seeker's current one: a new number replaces the old, and
    // removing it removes it for the employer too.
    const contactNow = async (contact: object) => {
      await api.request('PUT', '/v1/seekers/me', { token: seeker, body: { ...profile, contact } });
      await runtime.settled();
      return (await api.request('GET', `/v1/vacancies/${lescar}/matches`, { token: employer })).body;
    };
    const renumbered = await contactNow({ channel: 'sms', phone: '+33698765432' });
    expect(renumbered.items[0].contact).toEqual({ channel: 'sms', phone: '+33698765432' });
    const removed = await contactNow({ channel: 'none' });
    expect(removed.items[0].contact).toEqual({ channel: 'none' });
    expect(JSON.stringify(removed)).not.toMatch(/\+336/);

    // Closing the vacancy withdraws the match.
    await api.request('POST', `/v1/vacancies/${lescar}/close`, { token: employer });
    await runtime.feed.idle();
    expect((await api.request('GET', '/v1/seekers/me/matches', { token: seeker })).body.items).toEqual([]);
    const late = await api.request('POST', `/v1/matches/${match.id}/decline`, { token: seeker });
    expect(late.status).toBe(409);
  });
});

describe('matching from the seeker side', () => {
  it('a seeker who joins after the vacancy is matched too; a profile that stops fitting is withdrawn; erasure removes all', async () => {
    const { api, runtime } = local;
    const employer = await api.token('late-co', 'employer');
    const seeker = await api.token('late-seeker', 'seeker');
    const vacancy = await post(employer, {
      ...welderVacancy(),
      sector: 'energy',
      occupation: 'H2701',
      shifts: undefined,
    });
    await runtime.feed.idle();
    const profile = {
      ...paluSeekerProfile(),
      sectors: ['energy'],
      occupations: ['H2701'],
      commute: { maxMinutes: 30, modes: ['car'] },
      // Available for any shift: the vacancy states none, so it is a day job.
      shifts: undefined,
    };
    await api.request('PUT', '/v1/seekers/me', { token: seeker, body: profile });
    await runtime.feed.idle();
    const found = await api.request('GET', '/v1/seekers/me/matches', { token: seeker });
    expect(found.body.items.map((m: { vacancyId: string }) => m.vacancyId)).toEqual([vacancy]);

    // Walking only, 15 minutes: Lescar is out of reach now.
    await api.request('PUT', '/v1/seekers/me', {
      token: seeker,
      body: { ...profile, commute: { maxMinutes: 15, modes: ['walk'] } },
    });
    await runtime.feed.idle();
    expect((await api.request('GET', '/v1/seekers/me/matches', { token: seeker })).body.items).toEqual([]);
    expect(
      (await api.request('GET', `/v1/vacancies/${vacancy}/matches`, { token: employer })).body.items,
    ).toEqual([]);

    await api.request('PUT', '/v1/seekers/me', { token: seeker, body: profile });
    await runtime.feed.idle();
    expect(
      (await api.request('GET', `/v1/vacancies/${vacancy}/matches`, { token: employer })).body.items,
    ).toHaveLength(1);
    expect((await api.request('DELETE', '/v1/seekers/me', { token: seeker })).status).toBe(204);
    await runtime.feed.idle();
    expect(
      (await api.request('GET', `/v1/vacancies/${vacancy}/matches`, { token: employer })).body.items,
    ).toEqual([]);
  });
});

describe('GET /v1/ref/commute', () => {
  it('answers minutes, distance, method, confidence and warnings', async () => {
    const token = await local.api.token('anyone', 'planner');
    const car = await local.api.request('GET', '/v1/ref/commute?from=64445&to=64335&mode=car&hour=8', {
      token,
    });
    expect(car.status).toBe(200);
    expect(car.body).toMatchObject({ mode: 'car', method: 'estimate', confidence: 'medium' });
    expect(car.body.minutes).toBeGreaterThan(10);
    expect(car.body.distanceKm).toBeGreaterThan(5);
    const night = await local.api.request('GET', '/v1/ref/commute?from=64445&to=64335&mode=transit&hour=23', {
      token,
    });
    expect(night.body.minutes).toBeNull();
    expect(night.body.warnings).toContainEqual({
      code: 'commute.noService',
      text: 'Pas de transports en commun entre 21 h et 6 h pour ce trajet.',
    });
  });

  it('names a bad or unknown commune (400) and a commune without coordinates (422)', async () => {
    const token = await local.api.token('anyone', 'employer');
    const unknown = await local.api.request('GET', '/v1/ref/commute?from=99999&to=64335&hour=25', { token });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'query.from',
      'query.hour',
    ]);
    // Sannerville (Calvados), re-created after 2016, is the kind of commune no source places.
    const noCoordinates = await local.api.request('GET', '/v1/ref/commute?from=14666&to=64335', { token });
    expect(noCoordinates.status).toBe(422);
    expect(noCoordinates.body.errors[0].field).toBe('query.from');
    expect(noCoordinates.body.detail).toBe('La commune Sannerville n’a pas de position connue');
  });

  it('refuses a vacancy or a home in a commune without coordinates, unless the site gives its own', async () => {
    const employer = await local.api.token('aast-co', 'employer');
    const refused = await local.api.request('POST', '/v1/vacancies', {
      token: employer,
      body: { ...welderVacancy(), site: { commune: '14666' } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('body.site.commune');
    const precise = await local.api.request('POST', '/v1/vacancies', {
      token: employer,
      body: { ...welderVacancy(), site: { commune: '14666', coordinates: { lat: 49.18, lon: -0.23 } } },
    });
    expect(precise.status).toBe(201);
    const seeker = await local.api.token('aast-seeker', 'seeker');
    const home = await local.api.request('PUT', '/v1/seekers/me', {
      token: seeker,
      body: { ...paluSeekerProfile(), home: { commune: '14666' } },
    });
    expect(home.status).toBe(422);
    expect(home.body.errors[0].field).toBe('body.home.commune');
  });
});
