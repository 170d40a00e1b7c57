import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCommunes } from '../../shared/reference/communes';
import { buildCompactReference } from '../../shared/reference/compact';
import { communeLocation } from '../../shared/reference/coordinates';
import {
  buildCoordinates,
  completeWithCentroids,
  coordinateCoverage,
  geoflaFile,
  parseOfficialCommuneFile,
} from '../../shared/reference/coordinates-sources';
import { importOfficialCoordinates } from '../../shared/reference/import-coordinates';
import { pilotTerritory } from '../../shared/reference/territories';

describe('commune coordinates', () => {
  // The GEOFLA file sits next to the checkout (../shared/data/), not in it: a checkout
  // elsewhere (a git worktree, a CI clone) has none to rebuild from.
  it.skipIf(!existsSync(geoflaFile))(
    'the committed table is what build.ts makes from GeoNames, official rows and GEOFLA centroids',
    () => {
      const committed = JSON.parse(readFileSync('shared/reference/data/commune-coordinates.json', 'utf8'));
      const { communes, formerCommunes } = buildCompactReference();
      expect(committed).toEqual(
        buildCoordinates(
          communes.map((c) => c[0]),
          formerCommunes,
          committed,
        ),
      );
    },
  );

  it('locates every commune of the pilot territory, town centres first, and says which source placed it', () => {
    const pilot = listCommunes().filter((c) => c.epci && pilotTerritory.epcis.includes(c.epci as never));
    expect(pilot).toHaveLength(536);
    const located = pilot.map((c) => communeLocation(c.code));
    expect(located.every(Boolean)).toBe(true);
    expect(communeLocation('64445')).toMatchObject({ source: 'geonames', precision: 'town-centre' });
    expect(communeLocation('64445')?.lat).toBeCloseTo(43.3, 1);
    expect(communeLocation('65440')?.lon).toBeCloseTo(0.07, 1);
    // Abidos, Bidos and Os-Marsillon, next to the Lacq platform, by their GEOFLA centroids.
    for (const code of ['64003', '64126', '64431'])
      expect(communeLocation(code), code).toMatchObject({ source: 'geofla', precision: 'centroid' });
  });

  it('places a commune created after 2016 at the mean of its former communes, and covers France', () => {
    const centroids = new Map<string, [number, number]>([
      ['01001', [46, 5]],
      ['01002', [46.2, 5.2]],
    ]);
    const placed = completeWithCentroids(
      {},
      ['01001', '09999', '08888'],
      centroids,
      new Map([['09999', ['01001', '01002', '07777']]]),
    );
    expect(placed).toEqual({ '01001': [46, 5, 'F'], '09999': [46.1, 5.1, 'C'] });
    const { communes } = buildCompactReference();
    const table = JSON.parse(readFileSync('shared/reference/data/commune-coordinates.json', 'utf8'));
    const coverage = coordinateCoverage(
      communes.map(([code, , , population]) => ({ code, population })),
      table,
    );
    // The figures DATA.md gives: 34,868 of 34,969 communes, 99.1 % of the population.
    expect(coverage).toMatchObject({ communes: 34_969, located: 34_868 });
    expect(coverage.locatedPopulation / coverage.population).toBeGreaterThan(0.99);
  });

  it('reads La Poste’s file: averages a commune’s rows, skips rows without coordinates', () => {
    const parsed = parseOfficialCommuneFile(
      readFileSync('test/fixtures/laposte_hexasmal.sample.csv', 'utf8'),
    );
    expect(parsed['64001']).toEqual([43.2905, -0.0876, 'O']);
    expect(parsed['64335']).toEqual([43.3345, -0.4356, 'O']);
    expect(parsed['65001']).toBeUndefined();
  });

  it('reads data.gouv.fr’s communes-departement-region layout too', () => {
    const parsed = parseOfficialCommuneFile(
      readFileSync('test/fixtures/communes-departement-region.sample.csv', 'utf8'),
    );
    expect(parsed).toEqual({ '64001': [43.2905, -0.0876, 'O'], '65001': [43, 0.1, 'O'] });
  });

  it('refuses a file it does not recognise', () => {
    expect(() => parseOfficialCommuneFile('a;b;c\n1;2;3\n')).toThrow(/unrecognised header/);
  });

  it('imports into the table: official rows win, unknown communes are left out', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'coords-')), 'coords.json');
    await writeFile(
      target,
      JSON.stringify({ '64335': [43.33358, -0.43458, 'G'], '64445': [43.31, -0.35, 'G'] }),
    );
    const result = importOfficialCoordinates('test/fixtures/laposte_hexasmal.sample.csv', target);
    expect(result).toEqual({ read: 3, imported: 2, total: 3 });
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({
      '64001': [43.2905, -0.0876, 'O'],
      '64335': [43.3345, -0.4356, 'O'],
      '64445': [43.31, -0.35, 'G'],
    });
  });
});
