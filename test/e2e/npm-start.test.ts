import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { killRuntimesAfterEach, startRuntimeProcess } from '../support/runtime-process';
import { welderVacancy } from '../support/samples';

killRuntimesAfterEach();

/** Runs `npm start`'s entry as a newcomer would, on a free port, and waits for its URL. */
const start = (dataDir: string) => startRuntimeProcess(dataDir, {}, 'infra/local/main.ts');

describe('npm start', () => {
  it('serves the API, tells how to get a token, stops on Ctrl-C and keeps data across restarts', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'bassin-start-'));
    const first = await start(dataDir);
    expect(first.output()).toContain('/dev/token');
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
});
