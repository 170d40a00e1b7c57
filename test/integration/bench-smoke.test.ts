import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reachLevels } from '../../shared/domain/geo';

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
    // At most one Query per level, cell of its 3×3 neighbourhood and shift class (the vacancy's
    // shifts, at most two in SYNTHETIC data, and "any"), plus the index-format marker's read.
    expect(result.indexed.requestsPerVacancy.p95).toBeLessThanOrEqual(reachLevels.length * 9 * 3 + 1);
    // Never below 1 (each true match is read at least once, recall 1.0), and the same figure at the top.
    expect(result.itemsReadPerTrueMatch).toBeGreaterThanOrEqual(1);
    expect(result.itemsReadPerTrueMatch).toBe(result.indexed.itemsReadPerTrueMatch);
  }, 120_000);
});

describe('bench:transit (smoke run with small numbers)', () => {
  it('imports a synthetic network, writes commute items and answers shifts from them', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'bench-')), 'transit.json');
    process.argv = ['node', 'bench', '--communes', '60', '--trips', '150', '--out', out];
    const { benchmark } = await import('../../bench/transit');
    await benchmark();
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(result).toMatchObject({ synthetic: true, communes: 60, tripsInFeed: 150 });
    expect(result.commuteItems).toBeGreaterThan(0);
    expect(result.communesServed).toBeGreaterThan(10);
    expect(result.shiftQuery.pairs).toBeGreaterThan(50);
  }, 120_000);
});

describe('bench:offers (smoke run with small numbers)', () => {
  it('releases waves no larger than factor × openings, better than the mean, and writes its JSON', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'bench-')), 'offers.json');
    process.argv = ['node', 'bench', '--seekers', '1500', '--vacancies', '6', '--out', out];
    const { benchmark } = await import('../../bench/offers');
    await benchmark();
    const result = JSON.parse(await readFile(out, 'utf8'));
    expect(result).toMatchObject({ seekers: 1500, vacancies: 6, synthetic: true });
    const [first] = result.rounds;
    expect(first.released).toBeGreaterThan(0);
    expect(first.released).toBeLessThanOrEqual(result.aboveThreshold);
    expect(first.meanScoreReleased).toBeGreaterThanOrEqual(result.meanScoreAboveThreshold);
    // The ranking reads each released offer once, plus at most a few at each vacancy's cut.
    expect(first.itemsRead).toBeLessThanOrEqual(first.released + 6 * 10);
  }, 120_000);
});
