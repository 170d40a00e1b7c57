/**
 * `npm run reference:build`: rebuilds shared/reference/data/ from the packages and from the
 * open data in ../shared/data/ (provenance and licences in DATA.md).
 *  - communes.json, epci.json, departements.json: compact tables from @etalab/decoupage-administratif
 *    (Licence Ouverte 2.0). The package ships 12 MB of JSON; functions need only code,
 *    name, postcodes, population, département and EPCI, so bundles and cold starts stay small.
 *  - commune-coordinates.json: a point for every commune any source places — GeoNames
 *    (CC BY 4.0) town centres, rows imported from the official file (import-coordinates.ts),
 *    IGN GEOFLA 2016 centroids, and for communes created since, the mean of their former
 *    communes' centroids.
 *  - occupations.json, job-titles.json, skills.json: France Travail's ROME referential
 *    (Licence Ouverte / Etalab 2.0), see rome-build.ts.
 *  - mobile-phones.json: libphonenumber-js's mobile metadata (MIT, from Google's libphonenumber,
 *    Apache-2.0) for the calling codes of the countries that can receive offers, see
 *    mobile-phones-build.ts.
 * Tests check the committed files are what this script makes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { commandLine } from '../../infra/cli';
import { buildCompactReference } from './compact';
import { buildCoordinates, type CoordinateRow, coordinateCoverage } from './coordinates-sources';
import { buildMobilePhoneMetadata } from './mobile-phones-build';
import { buildRomeReference } from './rome-build';

// A bad option gets the usage and exit 2, like every project command (infra/cli.ts).
commandLine({
  command: 'npm run reference:build',
  summary:
    'Rebuilds shared/reference/data/ (communes, EPCI, commune coordinates, ROME occupations,\n' +
    'job titles, skills and mobile numbering plans) from @etalab/decoupage-administratif, GeoNames,\n' +
    'libphonenumber-js and ../shared/data/.',
  options: {},
});

const dir = new URL('./data/', import.meta.url);
const write = (name: string, value: unknown) =>
  writeFileSync(new URL(name, dir), `${JSON.stringify(value)}\n`);

const { communes, epcis, departements, formerCommunes, version } = buildCompactReference();
write('communes.json', communes);
write('epci.json', epcis);
write('departements.json', departements);
writeFileSync(
  new URL('source.json', dir),
  `${JSON.stringify({ package: '@etalab/decoupage-administratif', version, licence: 'Licence Ouverte 2.0' }, null, 2)}\n`,
);

const coordinatesFile = new URL('commune-coordinates.json', dir);
const current: Record<string, CoordinateRow> = existsSync(coordinatesFile)
  ? JSON.parse(readFileSync(coordinatesFile, 'utf8'))
  : {};
const coordinates = buildCoordinates(
  communes.map((c) => c[0]),
  formerCommunes,
  current,
);
write('commune-coordinates.json', coordinates);

const rome = buildRomeReference();
write('occupations.json', rome.occupations);
write('job-titles.json', rome.jobTitles);
write('skills.json', rome.skills);
write('mobile-phones.json', buildMobilePhoneMetadata());

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(2)} %`;
const report = (name: string, rows: typeof communes) => {
  const c = coordinateCoverage(
    rows.map(([code, , , population]) => ({ code, population })),
    coordinates,
  );
  console.log(
    `${name}: ${c.located} of ${c.communes} communes located (${percent(c.located, c.communes)}), ` +
      `${percent(c.locatedPopulation, c.population)} of the population; ` +
      `GeoNames ${c.bySource.G}, official file ${c.bySource.O}, GEOFLA centroid ${c.bySource.F}, former communes ${c.bySource.C}`,
  );
};
console.log(
  `communes: ${communes.length}, EPCI: ${epcis.length} (@etalab/decoupage-administratif ${version})`,
);
report('France', communes);
report(
  'France without overseas collectivities (97x/98x beyond the five DROM)',
  communes.filter(([code]) => !/^9[78]/.test(code) || /^97[1-6]/.test(code)),
);
console.log(
  `ROME: ${rome.occupations.fiches.length} ROME 4.0 codes, ${rome.occupations.parents.length} ROME 3 fiches, ` +
    `${rome.jobTitles.length} job titles, ${rome.skills.items.length} skills (savoirs and savoir-faire)`,
);
