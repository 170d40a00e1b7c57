/**
 * `npm run reference:build`: rebuilds shared/reference/data/ from the packages.
 *  - communes.json, epci.json: compact tables from @etalab/decoupage-administratif
 *    (Licence Ouverte 2.0). The package ships 12 MB of JSON; functions need only code,
 *    name, postcodes, population, département and EPCI, so bundles and cold starts stay small.
 *  - commune-coordinates.json: GeoNames (CC BY 4.0) for the communes it knows, keeping
 *    every row that came from the official file (see import-coordinates.ts).
 * Tests check the committed files are what this script makes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { commandLine } from '../../infra/cli';
import { buildCompactReference } from './compact';
import { type CoordinateRow, geonamesCoordinates, mergeCoordinates } from './coordinates-sources';

commandLine({
  command: 'npm run reference:build',
  summary: 'Rebuilds shared/reference/data/ (communes, EPCI, commune coordinates) from the packages.',
  options: {},
});

const dir = new URL('./data/', import.meta.url);
const write = (name: string, value: unknown) =>
  writeFileSync(new URL(name, dir), `${JSON.stringify(value)}\n`);

const { communes, epcis, version } = buildCompactReference();
write('communes.json', communes);
write('epci.json', epcis);
writeFileSync(
  new URL('source.json', dir),
  `${JSON.stringify({ package: '@etalab/decoupage-administratif', version, licence: 'Licence Ouverte 2.0' }, null, 2)}\n`,
);

const coordinatesFile = new URL('commune-coordinates.json', dir);
const current: Record<string, CoordinateRow> = existsSync(coordinatesFile)
  ? JSON.parse(readFileSync(coordinatesFile, 'utf8'))
  : {};
const coordinates = mergeCoordinates(geonamesCoordinates(new Set(communes.map((c) => c[0]))), current);
write('commune-coordinates.json', coordinates);

console.log(
  `communes: ${communes.length}, EPCI: ${epcis.length} (@etalab/decoupage-administratif ${version})`,
);
console.log(`coordinates: ${Object.keys(coordinates).length} communes`);
