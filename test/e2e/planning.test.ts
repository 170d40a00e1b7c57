import { describe, expect, it } from 'vitest';
import { monthOf } from '../../shared/domain/planning/months';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const local = useLocalRuntime();
const month = monthOf(new Date());

describe('planning through the local HTTP adapter', () => {
  it('counts vacancies at once and seekers only from 11, in the area, tension, skills gap and catchment', async () => {
    const { api, runtime } = local;
    const employer = await api.token('planning-employer', 'employer');
    const planner = await api.token('planning-planner', 'planner');
    for (let i = 0; i < 3; i++) {
      const posted = await api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() });
      expect(posted.status).toBe(201);
    }
    // 12 seekers in Pau, one of whom refuses statistics.
    for (let i = 0; i < 12; i++) {
      const seeker = await api.token(`planning-seeker-${i}`, 'seeker');
      const body = { ...paluSeekerProfile(), consent: { matching: true, statistics: i !== 0 } };
      expect((await api.request('PUT', '/v1/seekers/me', { token: seeker, body })).status).toBe(201);
    }
    // One seeker in Tarbes: a count of 1 that must never be published.
    const tarbais = await api.token('planning-seeker-tarbes', 'seeker');
    const tarbes = { ...paluSeekerProfile(), home: { commune: '65440' } };
    expect((await api.request('PUT', '/v1/seekers/me', { token: tarbais, body: tarbes })).status).toBe(201);
    await runtime.settled();

    const indicators = await api.request(
      'GET',
      `/v1/planning/indicators?area=lacq-pau-tarbes&from=${month}&to=${month}`,
      {
        token: planner,
      },
    );
    expect(indicators.status).toBe(200);
    const [row] = indicators.body.items;
    expect(row).toMatchObject({ month, vacancies_posted: 3, openings_posted: 6, vacancies_open: 3 });
    // 11 Pau seekers (one refused statistics) + 1 in Tarbes: the territory's total hides
    // Tarbes' 1, so it is suppressed too; the Pau agglomeration alone is published.
    expect(row.seekers_active).toBeNull();
    expect(row.suppressed).toContain('seekers_active');
    expect(row.matches_new).toBe(36);
    const tarbesRow = await api.request(
      'GET',
      `/v1/planning/indicators?area=epci-200069300&from=${month}&to=${month}`,
      {
        token: planner,
      },
    );
    expect(tarbesRow.body.items[0]).toMatchObject({ seekers_active: null, vacancies_posted: 0 });
    expect(JSON.stringify(tarbesRow.body)).not.toMatch(/"seekers_active":1\b/);

    const aeronautics = await api.request(
      'GET',
      `/v1/planning/indicators?area=epci-200067254&sector=aeronautics&from=${month}&to=${month}`,
      { token: planner },
    );
    expect(aeronautics.body.items[0]).toMatchObject({ vacancies_posted: 3, seekers_active: 11 });

    const territory = await api.request('GET', '/v1/planning/tension?area=lacq-pau-tarbes', {
      token: planner,
    });
    expect(territory.body.items[0]).toMatchObject({
      occupation: 'H2913',
      seekersInReach: null,
      seekersSuppressed: true,
    });
    const tension = await api.request('GET', '/v1/planning/tension?area=epci-200067254', { token: planner });
    expect(tension.status).toBe(200);
    expect(tension.body.items[0]).toMatchObject({
      occupation: 'H2913',
      openVacancies: 3,
      seekersInReach: 11,
      rank: 1,
    });
    expect(tension.body.items[0].ratio).toBeCloseTo(3 / 11, 3);

    const gap = await api.request('GET', '/v1/planning/skills-gap?area=epci-200067254&sector=aeronautics', {
      token: planner,
    });
    expect(gap.status).toBe(200);
    const tig = gap.body.items.find((item: { skill: string }) => item.skill === 'soudage tig');
    expect(tig).toMatchObject({ openVacancies: 3, seekersInReach: 11 });
    const plans = gap.body.items.find((item: { skill: string }) => item.skill === 'lecture de plans');
    expect(plans).toMatchObject({ openVacancies: 3, seekersInReach: 0 });

    const catchment = await api.request('GET', '/v1/planning/catchment?commune=64335&minutes=30&mode=car', {
      token: employer,
    });
    expect(catchment.status).toBe(200);
    expect(catchment.body.seekers).toBe(11);
    expect(catchment.body.byOccupation).toContainEqual(
      expect.objectContaining({ occupation: 'H2913', seekers: 11 }),
    );
    expect(catchment.body.units.map((unit: { id: string }) => unit.id)).toContain('C64445');

    const csv = await api.request(
      'GET',
      `/v1/planning/indicators?area=lacq-pau-tarbes&from=${month}&to=${month}`,
      {
        token: planner,
        headers: { accept: 'text/csv' },
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, line] = String(csv.body).trim().split('\r\n');
    expect(header).toBe(
      'month,vacancies_posted,openings_posted,vacancies_open,vacancies_closed,median_days_to_close,seekers_active,matches_new,matches_accepted,suppressed',
    );
    expect(line).toBe(`${month},3,6,3,0,,,36,0,seekers_active`);
  });
});
