import { describe, expect, it } from 'vitest';
import { employerNoticeDeps, matchReadDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { noticeAcceptance } from '../../shared/domain/employer-notices';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

/**
 * What the web app needs from the API, through the local runtime: the offer page, the
 * employer's counts, notices and contact, reopening and duplicating, the planner's areas by
 * name, maps coloured per EPCI, forecasts in words and CSV for French spreadsheets.
 */
const local = useLocalRuntime();

const post = async (token: string, body: object) => {
  const answer = await local.api.request('POST', '/v1/vacancies', { token, body });
  expect(answer.status).toBe(201);
  return answer.body.id as string;
};

describe('the employer and the seeker apps', () => {
  it('an offer page, true candidate counts, an acceptance notice with first name and contact, none after erasure', async () => {
    const { api, runtime } = local;
    const employer = await api.token('apps-employer', 'employer');
    const seeker = await api.token('apps-seeker', 'seeker');
    const other = await api.token('apps-other-seeker', 'seeker');
    const me = await api.request('GET', '/v1/me', { token: seeker });
    expect(me.body).toEqual({ subject: 'apps-seeker', groups: ['seeker'], profile: null });
    const profile = {
      ...paluSeekerProfile(),
      firstName: 'Inès',
      contact: { channel: 'sms', phone: '06 12 34 56 78' },
    };
    expect((await api.request('PUT', '/v1/seekers/me', { token: seeker, body: profile })).status).toBe(201);
    expect((await api.request('GET', '/v1/me', { token: seeker })).body.profile).toBe(1);
    expect((await api.request('GET', '/v1/seekers/me', { token: seeker })).body.firstName).toBe('Inès');
    await api.request('PUT', '/v1/seekers/me', { token: other, body: paluSeekerProfile() });
    const id = await post(employer, {
      ...welderVacancy(),
      employerName: 'Aéro Lescar',
      description: 'Soudure de pièces de structure.\nÉquipe du matin.',
    });
    await runtime.settled();

    const [match] = (await api.request('GET', '/v1/seekers/me/matches', { token: seeker })).body.items;
    const page = await api.request('GET', `/v1/seekers/me/matches/${match.id}`, { token: seeker });
    expect(page.status).toBe(200);
    expect(page.body.offer).toEqual({
      status: 'open',
      employerName: 'Aéro Lescar',
      description: 'Soudure de pièces de structure.\nÉquipe du matin.',
      salary: { min: 2100, max: 2600, period: 'month', currency: 'EUR' },
      startDate: '2027-01-04',
      openings: 2,
    });
    expect(page.body.vacancy.labels).toMatchObject({ commune: 'Lescar (64230)', contract: 'CDI' });

    const counted = async () =>
      (await api.request('GET', `/v1/vacancies/${id}/matches?limit=1`, { token: employer })).body;
    expect((await counted()).counts).toEqual({ candidates: 2, accepted: 0, declined: 0 });
    expect((await counted()).items).toHaveLength(1);
    expect((await counted()).nextCursor).toBeDefined();
    expect((await api.request('POST', `/v1/matches/${match.id}/accept`, { token: seeker })).status).toBe(200);
    await runtime.settled();
    expect((await counted()).counts).toEqual({ candidates: 2, accepted: 1, declined: 0 });
    const listed = await api.request('GET', '/v1/employers/me/vacancies', { token: employer });
    expect(listed.body.items[0].counts).toEqual({ candidates: 2, accepted: 1, declined: 0 });

    const notices = await api.request('GET', '/v1/employers/me/notifications', { token: employer });
    expect(notices.body.unread).toBe(1);
    expect(notices.body.items).toEqual([
      expect.objectContaining({
        matchId: match.id,
        vacancyId: id,
        unread: true,
        candidate: { firstName: 'Inès', channel: 'sms', phone: '+33612345678' },
        text: 'Inès a accepté votre offre « Soudeur·se TIG aéronautique » : vous pouvez le contacter.',
      }),
    ]);
    // The stream delivers the change again: nothing new is written.
    const accepted = await matchReadDeps(uses.offers).matches.get(match.id);
    expect(accepted && (await noticeAcceptance(employerNoticeDeps(uses.offers), accepted))).toBe(true);
    expect(
      (await api.request('GET', '/v1/employers/me/notifications', { token: employer })).body.items,
    ).toHaveLength(1);
    expect(
      (await api.request('POST', '/v1/employers/me/notifications/seen', { token: employer })).status,
    ).toBe(204);
    expect(
      (await api.request('GET', '/v1/employers/me/notifications', { token: employer })).body.unread,
    ).toBe(0);

    // Erased: the employer's notice no longer names the person.
    expect((await api.request('DELETE', '/v1/seekers/me', { token: seeker })).status).toBe(204);
    await runtime.settled();
    const after = await api.request('GET', '/v1/employers/me/notifications', { token: employer });
    expect(after.body.items[0].candidate).toBeNull();
    expect(JSON.stringify(after.body)).not.toMatch(/Inès|33612345678/);
  });

  it('a closed vacancy is reopened (its matches come back) or duplicated as a new open one', async () => {
    const { api, runtime } = local;
    const employer = await api.token('apps-reopen', 'employer');
    const seeker = await api.token('apps-reopen-seeker', 'seeker');
    await api.request('PUT', '/v1/seekers/me', { token: seeker, body: paluSeekerProfile() });
    const id = await post(employer, welderVacancy());
    await runtime.settled();
    await api.request('POST', `/v1/vacancies/${id}/close`, { token: employer });
    await runtime.settled();
    const active = async () =>
      (await api.request('GET', '/v1/seekers/me/matches', { token: seeker })).body.items.filter(
        (m: { vacancyId: string; status: string }) => m.vacancyId === id && m.status === 'active',
      );
    expect(await active()).toHaveLength(0);

    const reopened = await api.request('POST', `/v1/vacancies/${id}/reopen`, { token: employer });
    expect(reopened.status).toBe(200);
    expect(reopened.headers.get('etag')).toBe('"3"');
    expect(reopened.body).toMatchObject({ status: 'open', version: 3 });
    expect(reopened.body.closedAt).toBeUndefined();
    await runtime.settled();
    expect(await active()).toHaveLength(1);
    const again = await api.request('POST', `/v1/vacancies/${id}/reopen`, { token: employer });
    expect(again.body.version).toBe(3);

    await api.request('POST', `/v1/vacancies/${id}/close`, { token: employer });
    const key = `dup-${Date.now()}`;
    const copy = await api.request('POST', `/v1/vacancies/${id}/duplicate`, {
      token: employer,
      headers: { 'idempotency-key': key },
    });
    expect(copy.status).toBe(201);
    expect(copy.headers.get('location')).toBe(`/v1/vacancies/${copy.body.id}`);
    expect(copy.body).toMatchObject({ status: 'open', version: 1, title: welderVacancy().title });
    expect(copy.body.id).not.toBe(id);
    const replay = await api.request('POST', `/v1/vacancies/${id}/duplicate`, {
      token: employer,
      headers: { 'idempotency-key': key },
    });
    expect(replay.body.id).toBe(copy.body.id);
  });
});

describe('the planner app', () => {
  it('lists the territory, each of its EPCIs and départements by name; finds EPCIs by name', async () => {
    const planner = await local.api.token('apps-planner', 'planner');
    const { body } = await local.api.request('GET', '/v1/planning/areas', { token: planner });
    const names = body.items.map((area: { name: string }) => area.name);
    expect(names[0]).toBe("Territoire d'industrie Lacq–Pau–Tarbes");
    expect(names).toContain('CC de Lacq-Orthez');
    expect(names).toContain('CA Pau Béarn Pyrénées');
    expect(names).toContain('Pyrénées-Atlantiques (64)');
    expect(names).toContain('Hautes-Pyrénées (65)');
    expect(body.items.filter((area: { kind: string }) => area.kind === 'epci')).toHaveLength(10);
    const found = await local.api.request('GET', '/v1/ref/epcis?q=lacq', { token: planner });
    expect(found.body.items[0]).toMatchObject({ code: '200039204', name: 'CC de Lacq-Orthez' });
  });

  it('colours the catchment per EPCI with secrecy, says the forecast in words, and exports CSV for French spreadsheets', async () => {
    const { api, runtime } = local;
    const planner = await api.token('apps-planner', 'planner');
    const seeker = await api.token('apps-tarbes', 'seeker');
    await api.request('PUT', '/v1/seekers/me', {
      token: seeker,
      body: { ...paluSeekerProfile(), home: { commune: '65440' } },
    });
    await runtime.settled();
    const catchment = await api.request('GET', '/v1/planning/catchment?commune=64335&minutes=60', {
      token: planner,
    });
    const areas = catchment.body.areas as { id: string; seekers: number | null; suppressed: boolean }[];
    expect(areas.length).toBeGreaterThan(3);
    const tarbes = areas.find((area) => area.id === '200069300');
    expect(tarbes).toMatchObject({ seekers: null, suppressed: true });
    expect(areas.every((area) => area.suppressed === (area.seekers === null))).toBe(true);

    const csv = await fetch(`${runtime.url}/v1/planning/indicators?area=lacq-pau-tarbes`, {
      headers: { authorization: `Bearer ${planner}`, accept: 'text/csv; profile=spreadsheet-fr' },
    });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; profile=spreadsheet-fr');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, first] = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(header?.split(';').slice(0, 3)).toEqual(['Mois', 'Offres publiées', 'Postes ouverts']);
    expect(first?.split(';')).toHaveLength(header?.split(';').length ?? 0);
    const machine = await fetch(`${runtime.url}/v1/planning/indicators?area=lacq-pau-tarbes`, {
      headers: { authorization: `Bearer ${planner}`, accept: 'text/csv' },
    });
    expect((await machine.text()).split('\r\n')[0]?.startsWith('month,vacancies_posted,')).toBe(true);
  });
});
