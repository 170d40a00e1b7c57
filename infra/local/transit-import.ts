/**
 * `npm run transit:import -- FILE.zip [FILE.zip…]`: imports GTFS timetables into the local
 * store (.data/, the one `npm start` uses) with the code the scheduled AWS import runs.
 * Run it while `npm start` is stopped (dynalite keeps one process per data directory).
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dynamoTimetableStore } from '../../shared/adapters/dynamodb/timetable-store';
import { openGtfsZip } from '../../shared/adapters/gtfs/zip-feed';
import { describeImport } from '../../shared/domain/transit/describe-import';
import { GtfsError } from '../../shared/domain/transit/gtfs';
import { importTimetables } from '../../shared/domain/transit/import';
import { systemClock } from '../../shared/ports/runtime';
import { writeDemoGtfs } from './demo-gtfs';
import { openLocalStore } from './local-store';

const help = `Importe des horaires de transport public (GTFS) dans le stockage local de Bassin.

Usage : npm run transit:import -- FICHIER.zip [FICHIER.zip…] [--date AAAAMMJJ]
        npm run transit:import -- --demo

  FICHIER.zip   un ou plusieurs GTFS (agency, stops, routes, trips, stop_times,
                calendar / calendar_dates, transfers) ; ils sont fusionnés.
  --date        le jour à retenir ; par défaut le mardi, mercredi ou jeudi qui a
                le plus de trajets dans les fichiers.
  --demo        les horaires de démonstration du territoire pilote (SYNTHETIC).
  --help        cette aide.

Arrêtez \`npm start\` avant (un seul processus par dossier de données) ; le dossier est
.data/ ou BASSIN_DATA_DIR. Le calcul des trajets entre communes se fait à l'import ;
l'appariement lit ensuite ces trajets.`;

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n\n${help}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help || (positionals.length === 0 && !values.demo)) {
  console.log(help);
  process.exit(values.help ? 0 : 2);
}
if (values.date && !/^\d{8}$/.test(values.date)) {
  console.error(`--date « ${values.date} » : attendu AAAAMMJJ, par exemple 20260310`);
  process.exit(2);
}

const dataDir = resolve(process.env.BASSIN_DATA_DIR ?? '.data');
const files = positionals.map((file) => resolve(file));
if (values.demo) {
  await mkdir(dataDir, { recursive: true });
  files.push(await writeDemoGtfs(resolve(dataDir, 'demo-gtfs-SYNTHETIC.zip')));
}

const feeds = [];
try {
  for (const file of files) feeds.push(await openGtfsZip(file));
} catch (error) {
  console.error(`Import refusé : ${(error as Error).message}`);
  process.exit(1);
}
const store = await openLocalStore(dataDir);
try {
  const report = await importTimetables(
    { store: dynamoTimetableStore(store.table, systemClock), clock: systemClock },
    feeds,
    { date: values.date },
  );
  console.log(describeImport(report));
} catch (error) {
  if (!(error instanceof GtfsError)) throw error;
  console.error(`Import refusé : ${error.message}`);
  process.exitCode = 1;
} finally {
  for (const feed of feeds) feed.close();
  await store.close();
}
