import { describe, expect, it } from 'vitest';
import { monthOf } from '../../shared/domain/planning/months';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const local = useLocalRuntime();
const month = monthOf(new Date());

/** Quiet hours that are not now: one minute at 03:00 Paris time, or at 15:00 if it is 3 a.m. there. */
const noQuietHours = () => {
  const parisHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(),
    ),
  );
  return parisHour === 3 ? { start: '15:00', end: '15:01' } : { start: '03:00', end: '03:01' };
};

describe('offer figures in the planners’ indicators (local runtime)', () => {
  it('shows offers sent per vacancy, the answer rate and the time to first acceptance, person counts under secrecy', async () => {
    const { api, runtime } = local;
    const seekers: string[] = [];
    for (let i = 0; i < 20; i++) {
      const token = await api.token(`figures-seeker-${i}`, 'seeker');
      const body = {
        ...paluSeekerProfile(),
        contact: { channel: 'sms', phone: `+3361200${String(i).padStart(4, '0')}` },
        notifications: { quietHours: noQuietHours() },
      };
      expect((await api.request('PUT', '/v1/seekers/me', { token, body })).status).toBe(201);
      seekers.push(token);
    }
    const employer = await api.token('figures-employer', 'employer');
    const posted = await api.request('POST', '/v1/vacancies', {
      token: employer,
      body: { ...welderVacancy(), title: 'Soudeur·se TIG (indicateurs)', openings: 2 },
    });
    expect(posted.status).toBe(201);
    // The matcher, then the first wave (10 × 2 openings: all 20 candidates), then the figures.
    await runtime.settled();

    const planner = await api.token('figures-planner', 'planner');
    const indicators = async () => {
      const answer = await api.request(
        'GET',
        `/v1/planning/indicators?area=lacq-pau-tarbes&from=${month}&to=${month}`,
        { token: planner },
      );
      expect(answer.status).toBe(200);
      return answer.body.items[0];
    };
    expect(await indicators()).toMatchObject({
      vacancies_posted: 1,
      offers_sent: 20,
      vacancies_offering: 1,
      offers_per_vacancy: 20,
      offers_answered: 0,
      answer_rate: 0,
      vacancies_first_accepted: 0,
      median_hours_to_first_acceptance: null,
    });

    // 12 of the 20 answer: one accepts, eleven decline.
    for (const [i, token] of seekers.slice(0, 12).entries()) {
      const mine = (await api.request('GET', '/v1/seekers/me/matches', { token })).body.items as {
        id: string;
        vacancyId: string;
      }[];
      const match = mine.find((m) => m.vacancyId === posted.body.id);
      expect(match, `seeker ${i}`).toBeDefined();
      const answer = i === 0 ? 'accept' : 'decline';
      expect((await api.request('POST', `/v1/matches/${match?.id}/${answer}`, { token })).status).toBe(200);
    }
    await runtime.settled();
    const figures = await indicators();
    expect(figures).toMatchObject({
      offers_sent: 20,
      offers_answered: 12,
      answer_rate: 0.6,
      vacancies_first_accepted: 1,
      // Accepted within the hour of posting, in this run.
      median_hours_to_first_acceptance: 0,
      // One person accepted: a count of 1 to 10 persons is not published, as for matches.
      offers_accepted: null,
      matches_accepted: null,
    });
    expect([...figures.suppressed].sort()).toEqual(['matches_accepted', 'offers_accepted']);

    // The CSV for French spreadsheets names the new columns in words, the rate with a decimal comma.
    const csv = await api.request(
      'GET',
      `/v1/planning/indicators?area=lacq-pau-tarbes&from=${month}&to=${month}`,
      { token: planner, headers: { accept: 'text/csv; profile=spreadsheet-fr' } },
    );
    expect(csv.status).toBe(200);
    const [header, row] = String(csv.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const columns = header?.split(';') ?? [];
    const cellOf = (name: string) => row?.split(';')[columns.indexOf(name)];
    expect(cellOf('Propositions envoyées')).toBe('20');
    expect(cellOf('Propositions envoyées par offre')).toBe('20');
    expect(cellOf('Taux de réponse')).toBe('0,6');
    expect(cellOf('Délai médian avant la première acceptation (heures)')).toBe('0');
  });
});
