import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { killRuntimesAfterEach, startRuntimeProcess } from '../support/runtime-process';
import { welderVacancy } from '../support/samples';

killRuntimesAfterEach();

/** Runs `npm start`'s entry as a newcomer would, on a free port, and waits for its URL. */
const start = (dataDir: string, env: Record<string, string> = {}) =>
  startRuntimeProcess(dataDir, env, 'infra/local/main.ts');

describe('npm start', () => {
  it('serves the API, tells how to get a token, stops on Ctrl-C and keeps data across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'bassin-start-'));
    const first = await start(dataDir, { BASSIN_DEMO: '0' });
    expect(first.output()).toContain('/dev/token');
    expect(first.output()).toContain(`Web app           ${first.url}/`);
    expect(first.output()).not.toContain('demo');
    const api = apiClient(first.url);
    const acme = await api.token('acme', 'employer');
    const posted = await api.request('POST', '/v1/vacancies', { token: acme, body: welderVacancy() });
    expect(posted.status).toBe(201);
    expect(await first.stop()).toBe(0);

    const second = await start(dataDir);
    const again = apiClient(second.url);
    // The signing key is kept too: the token from before the restart still works.
    const read = await again.request('GET', `/v1/vacancies/${posted.body.id}`, { token: acme });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(posted.body);
    expect(await second.stop()).toBe(0);
  }, 120_000);

  it('fills an empty data folder with a small SYNTHETIC demo territory, once, so every page has something to show', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'bassin-demo-'));
    const first = await start(dataDir);
    expect(first.output()).toMatch(
      /Demo ready in [\d.]+ s: \d+ vacancies, \d+ seekers, \d+ matches over 12 months \(all SYNTHETIC\)/,
    );
    expect(first.output()).toContain(`Web app           ${first.url}/`);
    const api = apiClient(first.url);
    const { accounts } = (await api.request('GET', '/dev/demo')).body as {
      accounts: { sub: string; name: string; role: string }[];
    };
    expect(accounts.map((a) => a.role)).toEqual(['employer', 'seeker', 'planner']);
    expect(accounts.every((a) => a.name.includes('SYNTHETIC'))).toBe(true);
    const employer = accounts[0] as { sub: string };
    const seeker = accounts[1] as { sub: string };
    const mine = await api.request('GET', '/v1/employers/me/vacancies', {
      token: await api.token(employer.sub, 'employer'),
    });
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.some((v: { counts: { candidates: number } }) => v.counts.candidates > 0)).toBe(
      true,
    );
    expect(mine.body.items.every((v: { title: string }) => v.title.includes('SYNTHETIC'))).toBe(true);
    const offers = await api.request('GET', '/v1/seekers/me/matches', {
      token: await api.token(seeker.sub, 'seeker'),
    });
    expect(offers.body.items.length).toBeGreaterThan(0);
    const planner = await api.token('demo-planner', 'planner');
    const year = await api.request('GET', '/v1/planning/indicators?area=lacq-pau-tarbes', { token: planner });
    const posted = year.body.items.map(
      (row: { vacancies_posted: number | null }) => row.vacancies_posted ?? 0,
    );
    expect(posted.filter((n: number) => n > 0).length).toBeGreaterThanOrEqual(11);
    expect(await first.stop()).toBe(0);
    // Not twice: the second start finds the demo and adds nothing.
    const second = await start(dataDir);
    expect(second.output()).not.toContain('Demo ready');
    expect(await second.stop()).toBe(0);
  }, 240_000);
});
