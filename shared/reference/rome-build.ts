/**
 * Build time only: France Travail's ROME referential (Licence Ouverte / Etalab 2.0), read
 * from the official CSV files kept in ../shared/data/rome/ (see DATA.md), turned into the
 * compact tables functions read:
 *  - occupations.json: the 1,584 ROME 4.0 codes (v4.60) with their label and parent fiche,
 *    the 532 ROME 3 fiches (v3.47) with their label and domaine professionnel, and the
 *    domaines professionnels (first three characters of a code, e.g. H29);
 *  - job-titles.json: the 13,120 job titles ("appellations", code OGR) with their ROME code,
 *    whether France Travail lists them as the principal title and whether they are rarely used;
 *  - skills.json: the savoirs and savoir-faire of ROME 3 (the "environnement" items are
 *    sectors and settings, not skills) and the items each fiche lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { JobTitleRow, OccupationTables, SkillTables } from './rome-rows';

/** Where the shared open data sits: beside the project root. */
export const romeDataDir = new URL('../../../shared/data/rome/', import.meta.url);

const read = (name: string): Record<string, string>[] => {
  const file = new URL(name, romeDataDir);
  if (!existsSync(file)) throw new Error(`ROME file missing: ${file.pathname} (see DATA.md)`);
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true });
};

const byCode = <T extends [string, ...unknown[]]>(rows: T[]) => rows.sort((a, b) => a[0].localeCompare(b[0]));

export function buildRomeReference(): {
  occupations: OccupationTables;
  jobTitles: JobTitleRow[];
  skills: SkillTables;
} {
  const fiches4 = read('rome-4.0-v460-fiches.csv');
  const fiches3 = read('rome-3-v347-fiches-domaines.csv');
  const titles = read('rome-4.0-v460-appellations.csv');
  const items = read('rome-3-v347-competences.csv');
  const links = read('rome-3-v347-fiche-competences.csv');

  const domains = new Map<string, string>();
  for (const row of fiches3)
    domains.set(row.code_domaine_professionel ?? '', row.libelle_domaine_professionel ?? '');
  const occupations: OccupationTables = {
    fiches: byCode(
      fiches4.map((row) => [row.code_rome ?? '', row.libelle_rome ?? '', row.code_rome_parent ?? '']),
    ),
    parents: byCode(fiches3.map((row) => [row.code_rome ?? '', row.libelle_rome ?? ''])),
    domains: byCode([...domains.entries()]),
  };

  const jobTitles = titles
    .map((row): JobTitleRow => {
      const flags = (row.classification === 'PRINCIPALE' ? 1 : 0) | (row.peu_usite === 'O' ? 2 : 0);
      return [row.code_ogr ?? '', row.libelle_appellation_long ?? '', row.code_rome ?? '', flags];
    })
    .sort((a, b) => Number(a[0]) - Number(b[0]));

  // Savoirs (1) and savoir-faire (2) only; a fiche's items are indexes into `items`.
  const kept = items
    .filter((row) => row.code_type_referentiel === '1' || row.code_type_referentiel === '2')
    .map((row): [string, string, 1 | 2] => [
      row.code_ogr ?? '',
      row.libelle ?? '',
      row.code_type_referentiel === '1' ? 1 : 2,
    ])
    .sort((a, b) => Number(a[0]) - Number(b[0]));
  const indexOf = new Map(kept.map((item, i) => [item[0], i]));
  const perFiche: Record<string, number[]> = {};
  for (const { code_rome: fiche, code_ogr: item } of links) {
    const at = indexOf.get(item ?? '');
    if (fiche && at !== undefined) perFiche[fiche] = [...(perFiche[fiche] ?? []), at];
  }
  const fiches = Object.fromEntries(
    Object.keys(perFiche)
      .sort()
      .map((fiche) => [fiche, [...new Set(perFiche[fiche])].sort((a, b) => a - b)]),
  );
  return { occupations, jobTitles, skills: { items: kept, fiches } };
}
