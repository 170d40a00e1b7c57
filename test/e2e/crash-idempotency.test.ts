import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vacancyIdFor } from '../../shared/domain/vacancy-operations';
import { apiClient } from '../support/api';
import { killRuntimesAfterEach, startRuntimeProcess } from '../support/runtime-process';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

killRuntimesAfterEach();

/** The functions' deadline in these runs: an Idempotency-Key held by a dead request is free after it. */
const timeout = { BASSIN_FUNCTION_TIMEOUT_MS: '1500' };

describe('Idempotency-Key across a crash (kill -9 in the middle of a POST)', () => {
  for (const [crashAt, what] of [
    ['vacancy-indexed', 'after dynalite wrote the index entries, before the item'],
    ['vacancy-written', 'after the vacancy write, before its stream record and the idempotency answer'],
  ] as const) {
    it(`a retry with the same key gets the one vacancy, listed, readable and matched (killed ${what})`, async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'bassin-crash-'));
      const first = await startRuntimeProcess(dataDir, { ...timeout, BASSIN_CRASH_AT: crashAt });
      const before = apiClient(first.url);
      const employer = await before.token('crash-co', 'employer');
      const seeker = await before.token('crash-lea', 'seeker');
      expect(
        (await before.request('PUT', '/v1/seekers/me', { token: seeker, body: paluSeekerProfile() })).status,
      ).toBe(201);
      await before.request('POST', '/dev/settle');
      const headers = { 'idempotency-key': `crash-${crashAt}` };
      const lost = before.request('POST', '/v1/vacancies', {
        token: employer,
        body: welderVacancy(),
        headers,
      });
      await expect(lost).rejects.toThrow(); // the connection dies with the process: no answer
      expect(await first.exited).toBe('SIGKILL');

      const second = await startRuntimeProcess(dataDir, timeout);
      const api = apiClient(second.url);
      // 409 while the dead request's lock lasts (its deadline), then the stored vacancy.
      let retry = await api.request('POST', '/v1/vacancies', {
        token: employer,
        body: welderVacancy(),
        headers,
      });
      for (let attempt = 0; retry.status === 409 && attempt < 100; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        retry = await api.request('POST', '/v1/vacancies', {
          token: employer,
          body: welderVacancy(),
          headers,
        });
      }
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(vacancyIdFor('crash-co', headers['idempotency-key']));
      const listed = await api.request('GET', '/v1/employers/me/vacancies', { token: employer });
      expect(listed.body.items.map((v: { id: string }) => v.id)).toEqual([retry.body.id]);
      expect((await api.request('GET', `/v1/vacancies/${retry.body.id}`, { token: employer })).status).toBe(
        200,
      );
      const again = await api.request('POST', '/v1/vacancies', {
        token: employer,
        body: welderVacancy(),
        headers,
      });
      expect([again.status, again.body.id]).toEqual([201, retry.body.id]);

      await api.request('POST', '/dev/settle');
      const matches = await api.request('GET', '/v1/seekers/me/matches', { token: seeker });
      expect(matches.body.items.map((m: { vacancyId: string }) => m.vacancyId)).toEqual([retry.body.id]);
    }, 90_000);
  }
});
