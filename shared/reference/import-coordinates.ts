/**
 * `npm run reference:import-coordinates -- FILE`: adds the official commune coordinates
 * to shared/reference/data/commune-coordinates.json, so every commune can be matched.
 *
 * Download one of (both Licence Ouverte 2.0):
 *  - La Poste, "Base officielle des codes postaux" (laposte_hexasmal.csv, with coordonnees_gps):
 *    https://www.data.gouv.fr/fr/datasets/base-officielle-des-codes-postaux/
 *  - "Communes de France - Base des codes postaux" (communes-departement-region.csv):
 *    https://www.data.gouv.fr/fr/datasets/communes-de-france-base-des-codes-postaux/
 * Then run the command, commit the updated JSON, and redeploy.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isKnownCommune } from './communes';
import { type CoordinateRow, mergeCoordinates, parseOfficialCommuneFile } from './coordinates-sources';

export function importOfficialCoordinates(sourceFile: string, targetFile: string) {
  const official = parseOfficialCommuneFile(readFileSync(sourceFile, 'utf8'));
  const known = Object.fromEntries(Object.entries(official).filter(([code]) => isKnownCommune(code)));
  const current: Record<string, CoordinateRow> = existsSync(targetFile)
    ? JSON.parse(readFileSync(targetFile, 'utf8'))
    : {};
  const merged = mergeCoordinates(current, known);
  writeFileSync(targetFile, `${JSON.stringify(merged)}\n`);
  return {
    read: Object.keys(official).length,
    imported: Object.keys(known).length,
    total: Object.keys(merged).length,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { commandLine } = await import('../../infra/cli');
  const cli = commandLine({
    command: 'npm run reference:import-coordinates --',
    summary:
      'Adds the official commune coordinates to shared/reference/data/commune-coordinates.json,\n' +
      'so every commune can be matched. Commit the updated JSON, then redeploy.',
    options: {},
    positionals: [
      {
        name: 'FILE',
        required: true,
        description:
          'laposte_hexasmal.csv or communes-departement-region.csv (data.gouv.fr, Licence Ouverte 2.0).',
      },
    ],
    examples: ['npm run reference:import-coordinates -- ~/Downloads/laposte_hexasmal.csv'],
  });
  const [source] = cli.positionals as [string];
  if (!existsSync(source)) cli.fail(`No file at ${source}.`);
  const target = new URL('./data/commune-coordinates.json', import.meta.url).pathname;
  const { read, imported, total } = importOfficialCoordinates(source, target);
  console.log(
    `read ${read} communes, imported ${imported} known ones; ${total} communes now have coordinates`,
  );
}
