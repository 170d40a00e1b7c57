/**
 * Rebuilds the compact commune and EPCI tables in shared/reference/data/ from
 * @etalab/decoupage-administratif (Licence Ouverte 2.0). The package ships 12 MB of JSON;
 * functions only need code, name, postcodes, population, département and EPCI, so the
 * compact tables keep cold starts and bundles small. A test checks they are in sync.
 */
import { writeFileSync } from 'node:fs';
import { buildCompactReference } from './compact';

const { communes, epcis, version } = buildCompactReference();
const dir = new URL('./data/', import.meta.url);
writeFileSync(new URL('communes.json', dir), `${JSON.stringify(communes)}\n`);
writeFileSync(new URL('epci.json', dir), `${JSON.stringify(epcis)}\n`);
writeFileSync(
  new URL('source.json', dir),
  `${JSON.stringify({ package: '@etalab/decoupage-administratif', version, licence: 'Licence Ouverte 2.0' }, null, 2)}\n`,
);
console.log(
  `communes: ${communes.length}, EPCI: ${epcis.length} (from @etalab/decoupage-administratif ${version})`,
);
