import { createRequire } from 'node:module';
import type { CommuneRow, DepartementRow, EpciRow } from './commune-rows';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  chefLieu?: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}
interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: { code: string }[];
}

/** Reads the Etalab package (a dev dependency) and returns the compact rows. Build/test time only. */
export function buildCompactReference(): {
  communes: CommuneRow[];
  epcis: EpciRow[];
  departements: DepartementRow[];
  formerCommunes: Map<string, string[]>;
  version: string;
} {
  const require = createRequire(import.meta.url);
  const communes: EtalabCommune[] = require('@etalab/decoupage-administratif/data/communes.json');
  const epcis: EtalabEpci[] = require('@etalab/decoupage-administratif/data/epci.json');
  const departements: {
    code: string;
    nom: string;
  }[] = require('@etalab/decoupage-administratif/data/departements.json');
  const { version } = require('@etalab/decoupage-administratif/package.json') as { version: string };
  const epciOf = new Map<string, string>();
  for (const epci of epcis) for (const member of epci.membres) epciOf.set(member.code, epci.code);
  const communeRows: CommuneRow[] = communes
    .filter((c) => c.type === 'commune-actuelle' && c.departement)
    .map((c) => [
      c.code,
      c.nom,
      (c.codesPostaux ?? []).join(' '),
      c.population ?? 0,
      c.departement ?? '',
      epciOf.get(c.code) ?? '',
    ]);
  communeRows.sort((a, b) => a[0].localeCompare(b[0]));
  const epciRows: EpciRow[] = epcis
    .map((e): EpciRow => [e.code, e.nom, e.type, e.populationTotale ?? 0])
    .sort((a, b) => a[0].localeCompare(b[0]));
  // Communes déléguées and associées name the current commune they now belong to (COG links).
  const formerCommunes = new Map<string, string[]>();
  for (const c of communes) {
    if (c.type === 'commune-actuelle' || !c.chefLieu) continue;
    formerCommunes.set(c.chefLieu, [...(formerCommunes.get(c.chefLieu) ?? []), c.code]);
  }
  const departementRows = departements
    .map((d): DepartementRow => [d.code, d.nom])
    .sort((a, b) => a[0].localeCompare(b[0]));
  return { communes: communeRows, epcis: epciRows, departements: departementRows, formerCommunes, version };
}
