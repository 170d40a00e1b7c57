import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoGtfs } from '../../infra/local/demo-gtfs';
import { localClientConfig } from '../../infra/local/dynalite';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { dynamoTimetableStore } from '../../shared/adapters/dynamodb/timetable-store';
import { openGtfsZip } from '../../shared/adapters/gtfs/zip-feed';
import { importTimetables } from '../../shared/domain/transit/import';
import { systemClock } from '../../shared/ports/runtime';
import { validBodies } from '../support/route-fixtures';
import { useLocalRuntime } from '../support/runtime';

const local = useLocalRuntime();

/** The SYNTHETIC demo timetable, imported as `npm run seed` does (with a client outside the change feed). */
beforeAll(async () => {
  const base = new DynamoDBClient(localClientConfig(local.runtime.dynamoEndpoint));
  const feed = await openGtfsZip(
    await writeDemoGtfs(join(await mkdtemp(join(tmpdir(), 'demo-')), 'demo.zip')),
  );
  await importTimetables(
    {
      store: dynamoTimetableStore(
        { doc: documentClient(base), tableName: local.runtime.tableName },
        systemClock,
      ),
      clock: systemClock,
    },
    [feed],
  );
  feed.close();
  base.destroy();
});

const chemist = (commune: string, statistics: boolean) => ({
  sectors: ['chemistry'],
  occupations: ['H2102'],
  skills: [],
  home: { commune },
  commute: { maxMinutes: 60, modes: ['transit'] },
  contact: { channel: 'none' },
  consent: { matching: true, statistics },
});
const lacqVacancy = (shifts: string[], extra: object = {}) => ({
  title: 'Conducteur·rice de ligne chimie (SYNTHETIC)',
  sector: 'chemistry',
  occupation: 'H2102',
  skills: [],
  site: { commune: '64300' },
  contract: 'CDI',
  openings: 1,
  shifts,
  ...extra,
});

describe('transit at the shift hour, with the demo timetable', () => {
  it('offers the Mourenx seeker without a car only the shifts a bus gets her to and back from', async () => {
    const { api, runtime } = local;
    const seeker = await api.token('mourenx-no-car', 'seeker');
    const employer = await api.token('lacq-plant', 'employer');
    expect(
      (await api.request('PUT', '/v1/seekers/me', { token: seeker, body: chemist('64410', false) })).status,
    ).toBe(201);
    const post = async (body: object) =>
      (await api.request('POST', '/v1/vacancies', { token: employer, body })).body.id;
    const early = await post(lacqVacancy(['morning']));
    const night = await post(lacqVacancy(['night']));
    const afternoon = await post(lacqVacancy(['afternoon']));
    const beforeTheBus = await post(lacqVacancy(['morning'], { shiftStarts: { morning: '05:00' } }));
    await runtime.settled();

    const mine = (await api.request('GET', '/v1/seekers/me/matches', { token: seeker })).body.items;
    expect(mine.map((m: { vacancyId: string }) => m.vacancyId)).toEqual([early]);
    for (const missing of [night, afternoon, beforeTheBus])
      expect(mine.map((m: { vacancyId: string }) => m.vacancyId)).not.toContain(missing);
    const [match] = mine;
    expect(match.commute).toMatchObject({ mode: 'transit', method: 'timetable', shift: 'morning' });
    expect(match.commute.trips.outbound.legs).toEqual([
      { line: 'TER', mode: 'bus', from: 'Mourenx', to: 'Lacq', departure: '05:12', arrival: '05:31' },
    ]);
    expect(match.commute.trips.back.legs[0]).toMatchObject({
      from: 'Lacq',
      to: 'Mourenx',
      departure: '14:07',
    });
    const reason = match.explanation.find((c: { criterion: string }) => c.criterion === 'commute');
    expect(reason).toMatchObject({
      code: 'commute.within',
      params: { method: 'timetable', shift: 'morning' },
    });
    expect(reason.text).toBe(
      `Trajet en transports en commun de ${match.commute.minutes} min pour un poste du matin (limite : 60 min) : TER 05:12 Mourenx → Lacq, arrivée 05:31 ; retour 14:07`,
    );
  });

  it('answers GET /v1/ref/commute from the timetable', async () => {
    const token = await local.api.token('checker', 'seeker');
    const answer = await local.api.request('GET', '/v1/ref/commute?from=64410&to=64300&mode=transit&hour=5', {
      token,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      method: 'timetable',
      journey: { legs: [{ line: 'TER', departure: '05:12' }] },
    });
    const elsewhere = await local.api.request(
      'GET',
      '/v1/ref/commute?from=64102&to=64300&mode=transit&hour=8',
      { token },
    );
    expect(elsewhere.body.method).toBe('estimate');
  });

  it("shows a planner more seekers reaching the Lacq site's early shift with a 04:50 coach from Pau", async () => {
    const { api, runtime } = local;
    // Twelve seekers in Pau who consented to statistics: enough for the figure to be published.
    for (let i = 0; i < 12; i++) {
      const token = await api.token(`pau-seeker-${i}`, 'seeker');
      expect(
        (await api.request('PUT', '/v1/seekers/me', { token, body: chemist('64445', true) })).status,
      ).toBe(201);
    }
    await runtime.settled();
    const planner = await api.token('territory-planner', 'planner');
    const transit = await api.request('GET', '/v1/planning/transit', { token: planner });
    expect(transit.body).toMatchObject({
      loaded: true,
      lines: expect.arrayContaining([
        expect.objectContaining({ id: '0:car-mourenx-lacq', name: 'TER', modeLabel: 'bus' }),
      ]),
    });
    const saved = await api.request('PUT', '/v1/planning/scenarios/car-0450', {
      token: planner,
      body: validBodies.putMobilityScenario?.(),
    });
    expect(saved.status).toBe(201);
    const answer = await api.request('GET', '/v1/planning/transit-reach?commune=64300&scenario=car-0450', {
      token: planner,
    });
    expect(answer.status).toBe(200);
    const morning = answer.body.shifts.find((s: { shift: string }) => s.shift === 'morning');
    expect(morning).toMatchObject({ label: 'poste du matin', start: '06:00', end: '14:00' });
    expect(morning.before.seekers).toBe(0);
    expect(morning.after.seekers).toBe(12);
    const pau = morning.after.areas.find((a: { name: string }) => a.name === 'CA Pau Béarn Pyrénées');
    expect(pau.outbound.legs[0]).toMatchObject({ line: 'Car Pau – Lacq', departure: '04:50' });
    expect(morning.byOccupation).toEqual([
      expect.objectContaining({ occupation: 'H2102', before: 0, after: 12 }),
    ]);
    // The live timetable is unchanged.
    const again = await api.request('GET', '/v1/planning/transit-reach?commune=64300', { token: planner });
    expect(again.body.shifts.find((s: { shift: string }) => s.shift === 'morning')).toMatchObject({
      before: { seekers: 0 },
      after: null,
    });
    // One row per shift and occupation, for spreadsheets.
    const csv = await api.request('GET', '/v1/planning/transit-reach?commune=64300&scenario=car-0450', {
      token: planner,
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.body).toContain('morning,poste du matin,H2102');
  });
});
