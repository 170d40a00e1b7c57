import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalRuntime } from '../../infra/local/runtime';
import { addMonths, monthOf } from '../../shared/domain/planning/months';
import { apiClient } from '../support/api';

const run = promisify(execFile);
let dataDir: string | undefined;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const seed = async (dir: string) =>
  run('npx', ['tsx', 'infra/local/seed.ts', '--months', '2'], {
    env: { ...process.env, BASSIN_DATA_DIR: dir },
    timeout: 240_000,
  });

describe('npm run seed', () => {
  it('fills the local store with synthetic history, shows progress, and does nothing the second time', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bassin-seed-'));
    const first = await seed(dataDir);
    const current = monthOf(new Date());
    const previous = addMonths(current, -1);
    expect(first.stdout).toContain('SYNTHETIC');
    expect(first.stdout).toContain(`[ 1/2] ${previous}:`);
    expect(first.stdout).toContain(`[ 2/2] ${current}:`);
    expect(first.stdout).toMatch(/today: reach-index items of active seekers: (\d+)\/\1 /);
    expect(first.stdout).toMatch(/Done in \d+ s/);
    const again = await seed(dataDir);
    expect(again.stdout).toContain('Already seeded (2 months');

    const runtime = await startLocalRuntime({ dataDir, port: 0 });
    try {
      const api = apiClient(runtime.url);
      const planner = await api.token('seed-check', 'planner');
      const answer = await api.request(
        'GET',
        `/v1/planning/indicators?area=lacq-pau-tarbes&from=${previous}&to=${current}`,
        { token: planner },
      );
      expect(answer.status).toBe(200);
      const [last, now] = answer.body.items;
      expect(last.vacancies_posted).toBeGreaterThan(50);
      expect(now.vacancies_open).toBeGreaterThan(0);
      expect(last.seekers_active).toBeGreaterThan(10);
      expect(last.vacancies_closed + now.vacancies_closed).toBeGreaterThan(0);

      // Seeding (even with --reset) while the runtime holds the folder: a clear message, exit 75, data kept.
      const busy = await run('npx', ['tsx', 'infra/local/seed.ts', '--reset'], {
        env: { ...process.env, BASSIN_DATA_DIR: dataDir },
      }).catch((error: { code: number; stderr: string }) => error);
      expect(busy).toMatchObject({ code: 75 });
      expect((busy as { stderr: string }).stderr).toContain(
        'is in use: `npm start` (or another seed) is running',
      );
      expect((busy as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
      const still = await api.request(
        'GET',
        `/v1/planning/indicators?area=lacq-pau-tarbes&from=${current}&to=${current}`,
        {
          token: planner,
        },
      );
      expect(still.body.items[0].vacancies_open).toBe(now.vacancies_open);
    } finally {
      await runtime.stop();
    }
  }, 600_000);
});
