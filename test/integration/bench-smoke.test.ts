import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('bench:match (smoke run with small numbers)', () => {
  it('loads, matches with recall 1.0, reads far fewer items than a scan, and writes its JSON', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'bench-')), 'match.json');
    process.argv = [
      'node',
      'bench',
      '--seekers',
      '1500',
      '--vacancies',
      '8',
      '--scan-vacancies',
      '2',
      '--out',
      out,
    ];
    const { benchmark } = await import('../../bench/match');
    await benchmark();
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(result).toMatchObject({ seekers: 1500, vacancies: 8, synthetic: true, indexed: { recall: 1 } });
    expect(result.indexed.itemsReadPerVacancy.median * 5).toBeLessThan(
      result.scan.itemsReadPerVacancy.median,
    );
    expect(result.indexed.requestsPerVacancy.p95).toBeLessThanOrEqual(45);
    // Never below 1 (each true match is read at least once, recall 1.0), and the same figure at the top.
    expect(result.itemsReadPerTrueMatch).toBeGreaterThanOrEqual(1);
    expect(result.itemsReadPerTrueMatch).toBe(result.indexed.itemsReadPerTrueMatch);
  }, 120_000);
});
