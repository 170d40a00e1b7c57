import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCompactReference } from '../../shared/reference/compact';
import { communeLocation } from '../../shared/reference/coordinates';
import {
  geonamesCoordinates,
  mergeCoordinates,
  parseOfficialCommuneFile,
} from '../../shared/reference/coordinates-sources';
import { importOfficialCoordinates } from '../../shared/reference/import-coordinates';

describe('commune coordinates', () => {
  it('the committed table is what build.ts makes from GeoNames (keeping official rows)', () => {
    const committed = JSON.parse(readFileSync('shared/reference/data/commune-coordinates.json', 'utf8'));
    const codes = new Set(buildCompactReference().communes.map((c) => c[0]));
    expect(committed).toEqual(mergeCoordinates(geonamesCoordinates(codes), committed));
  });

  it('knows the pilot towns, and says when a commune has no coordinates', () => {
    expect(communeLocation('64445')).toMatchObject({ source: 'geonames' });
    expect(communeLocation('64445')?.lat).toBeCloseTo(43.3, 1);
    expect(communeLocation('65440')?.lon).toBeCloseTo(0.07, 1);
    expect(communeLocation('64001')).toBeUndefined();
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
