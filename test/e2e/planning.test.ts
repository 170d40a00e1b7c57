import { describe, expect, it } from 'vitest';
import { monthOf } from '../../shared/domain/planning/months';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const local = useLocalRuntime();
const month = monthOf(new Date());
const pau = 'epci-200067254';
const tarbes = 'epci-200069300';

describe('planning through the local HTTP adapter', () => {
  it('before anything is counted, every view answers with no months (absent, not zeros, not a 500)', async () => {
    const planner = await local.api.token('planning-first-planner', 'planner');
    for (const path of [
      '/v1/planning/indicators?area=lacq-pau-tarbes',
      `/v1/planning/indicators?area=dep-64&sector=energy&occupation=H2913&from=2022-01`,
      '/v1/planning/indicators?area=epci-200067254&from=2020-01&to=2020-12',
    ]) {
      const answer = await local.api.request('GET', path, { token: planner });
      expect(answer.status, path).toBe(200);
      expect(answer.body.items, path).toEqual([]);
    }
  });

  it('counts what flows in, and keeps counts of 1 to 10 persons secret, in every view', async () => {
    const { api, runtime } = local;
    const employer = await api.token('planning-employer', 'employer');
    const planner = await api.token('planning-planner', 'planner');
    const get = async (path: string, token = planner) => {
      const answer = await api.request('GET', path, { token });
      expect(answer.status, path).toBe(200);
      return answer.body;
    };
    const indicators = async (area: string) =>
      (await get(`/v1/planning/indicators?area=${area}&from=${month}&to=${month}`)).items[0];

    for (let i = 0; i < 3; i++)
      expect(
        (await api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() })).status,
      ).toBe(201);
    // 12 seekers in Pau, one of whom refuses statistics: 11 are counted.
    for (let i = 0; i < 12; i++) {
      const seeker = await api.token(`planning-seeker-${i}`, 'seeker');
      const body = { ...paluSeekerProfile(), consent: { matching: true, statistics: i !== 0 } };
      expect((await api.request('PUT', '/v1/seekers/me', { token: seeker, body })).status).toBe(201);
    }
    await runtime.settled();

    // Everything is 0 or at least 11: all published.
    expect(await indicators('lacq-pau-tarbes')).toMatchObject({
      month,
      vacancies_posted: 3,
      openings_posted: 6,
      vacancies_open: 3,
      seekers_active: 11,
      matches_new: 36,
      suppressed: [],
    });
    expect(await indicators(pau)).toMatchObject({ vacancies_posted: 3, seekers_active: 11 });
    const tension = await get(`/v1/planning/tension?area=${pau}`);
    expect(tension.items[0]).toMatchObject({
      occupation: 'H2913',
      openVacancies: 3,
      seekersInReach: 11,
      rank: 1,
    });
    expect(tension.items[0].ratio).toBeCloseTo(3 / 11, 3);
    const gap = await get(`/v1/planning/skills-gap?area=${pau}&sector=aeronautics`);
    expect(gap.items).toContainEqual(
      expect.objectContaining({ skill: 'soudage tig', openVacancies: 3, seekersInReach: 11 }),
    );
    expect(gap.items).toContainEqual(
      expect.objectContaining({ skill: 'lecture de plans', openVacancies: 3, seekersInReach: 0 }),
    );
    const catchment = await get('/v1/planning/catchment?commune=64335&minutes=30&mode=car', employer);
    expect(catchment.seekers).toBe(11);
    expect(catchment.byOccupation).toContainEqual(
      expect.objectContaining({ occupation: 'H2913', seekers: 11 }),
    );
    expect(catchment.areas.map((area: { id: string }) => area.id)).toContain('200067254');

    // One seeker in Tarbes: 1 is never published; Pau is hidden too (else territory − Pau = 1),
    // and so is every view that contains Pau without Tarbes.
    const tarbais = await api.token('planning-seeker-tarbes', 'seeker');
    const body = { ...paluSeekerProfile(), home: { commune: '65440' } };
    expect((await api.request('PUT', '/v1/seekers/me', { token: tarbais, body })).status).toBe(201);
    await runtime.settled();
    expect(await indicators(tarbes)).toMatchObject({ seekers_active: null, suppressed: ['seekers_active'] });
    expect(await indicators(pau)).toMatchObject({ seekers_active: null, suppressed: ['seekers_active'] });
    expect(await indicators('lacq-pau-tarbes')).toMatchObject({ seekers_active: 12, suppressed: [] });
    const later = await get('/v1/planning/catchment?commune=64335&minutes=30&mode=car', employer);
    expect(later).toMatchObject({ seekers: null, suppressed: true });
    expect(JSON.stringify(later)).not.toMatch(/"seekers":(1|11|12)\b/);
    const territory = await get('/v1/planning/tension?area=lacq-pau-tarbes');
    expect(territory.items[0]).toMatchObject({ occupation: 'H2913', seekersInReach: 12 });

    const csv = await api.request('GET', `/v1/planning/indicators?area=${pau}&from=${month}&to=${month}`, {
      token: planner,
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(String(csv.body).trim().split('\r\n')).toEqual([
      'month,vacancies_posted,openings_posted,vacancies_open,vacancies_closed,median_days_to_close,seekers_active,matches_new,matches_accepted,offers_sent,offers_answered,offers_accepted,vacancies_offering,vacancies_first_accepted,median_hours_to_first_acceptance,offers_per_vacancy,answer_rate,suppressed',
      // Each vacancy's first wave went to its 12 candidates: 36 offers, 12 per vacancy, none answered yet.
      `${month},3,6,3,0,,,36,0,36,0,0,3,0,,12,0,seekers_active`,
    ]);
  });
});

describe('planning areas', () => {
  it('planners define, replace (If-Match) and list areas; built-in ids and bad codes are refused', async () => {
    const { api } = local;
    const planner = await api.token('area-planner-e2e', 'planner');
    const body = { name: 'Bassin de Lacq', epcis: ['200039204'], communes: ['64445'] };
    const created = await api.request('PUT', '/v1/planning/areas/bassin-de-lacq', { token: planner, body });
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const stale = await api.request('PUT', '/v1/planning/areas/bassin-de-lacq', {
      token: planner,
      body: { ...body, name: 'Lacq' },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.status).toBe(412);
    // Another planner's area is not overwritten blindly: replacing needs the version read.
    const blind = await api.request('PUT', '/v1/planning/areas/bassin-de-lacq', {
      token: await api.token('other-planner-e2e', 'planner'),
      body: { ...body, name: 'Écrasé' },
    });
    expect(blind.status).toBe(428);
    const replaced = await api.request('PUT', '/v1/planning/areas/bassin-de-lacq', {
      token: planner,
      body: { ...body, name: 'Lacq et Pau' },
      headers: { 'if-match': '"1"' },
    });
    expect(replaced.status).toBe(200);
    const listed = await api.request('GET', '/v1/planning/areas', { token: planner });
    expect(listed.body.items[0]).toMatchObject({ id: 'lacq-pau-tarbes', kind: 'territory' });
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id: 'bassin-de-lacq', name: 'Lacq et Pau', version: 2, exact: true }),
    );
    const builtIn = await api.request('PUT', '/v1/planning/areas/lacq-pau-tarbes', { token: planner, body });
    expect(builtIn.status).toBe(409);
    const bad = await api.request('PUT', '/v1/planning/areas/nowhere', {
      token: planner,
      body: { name: 'Nowhere', epcis: ['123456789'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('body.epcis.0');
    const unknown = await api.request('GET', '/v1/planning/indicators?area=nowhere', { token: planner });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('query.area');
    const custom = await api.request('GET', '/v1/planning/indicators?area=bassin-de-lacq', {
      token: planner,
    });
    expect(custom.status).toBe(200);
    expect(custom.body.area.personFiguresFrom.areas.map((a: { id: string }) => a.id)).toEqual([
      '200039204',
      '200067254',
    ]);
    expect(custom.body.area.personFiguresFrom.exact).toBe(false);
  });
});
