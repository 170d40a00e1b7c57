import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { welderVacancy } from '../support/samples';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Runs `npm start`'s entry as a newcomer would, on a free port, and waits for its URL. */
async function start(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    env: { ...process.env, PORT: '0', BASSIN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 45 s:\n${output}`)), 45_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.kill('SIGINT');
    });
  return { url, output: () => output, stop };
}

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
