import type { CommuneRow, DepartementRow, EpciRow } from './commune-rows';
import { tableFile } from './table-file';
import { foldForSearch, searchTerms } from './text-search';

const communeRows = /* @__PURE__ */ tableFile<CommuneRow[]>('communes.json');
const epciRows = /* @__PURE__ */ tableFile<EpciRow[]>('epci.json');
const departementRows = /* @__PURE__ */ tableFile<DepartementRow[]>('departements.json');

export interface Commune {
  code: string;
  name: string;
  postcodes: string[];
  population: number;
  departement: string;
  epci: string | null;
}

export interface Epci {
  code: string;
  name: string;
  type: string;
  population: number;
}

const toCommune = ([code, name, postcodes, population, departement, epci]: CommuneRow): Commune => ({
  code,
  name,
  postcodes: postcodes ? postcodes.split(' ') : [],
  population,
  departement,
  epci: epci || null,
});

let byCode: Map<string, CommuneRow> | undefined;
let folded: { key: string; row: CommuneRow }[] | undefined;

function index(): Map<string, CommuneRow> {
  byCode ??= new Map(communeRows().map((row) => [row[0], row]));
  return byCode;
}

/** "Mourenx (64150)": how a person recognises a commune. */
export const communeLabel = (commune: Pick<Commune, 'name' | 'postcodes'>) =>
  commune.postcodes[0] ? `${commune.name} (${commune.postcodes[0]})` : commune.name;

export function findCommune(code: string): Commune | undefined {
  const row = index().get(code);
  return row && toCommune(row);
}

/** Every commune of the reference table. */
export function listCommunes(): Commune[] {
  return communeRows().map(toCommune);
}

export function isKnownCommune(code: string): boolean {
  return index().has(code);
}

/**
 * Name prefix (accent- and case-insensitive, also matching after "Saint-" style hyphens)
 * or postal-code prefix. Biggest communes first, as people expect from a search box.
 */
export function searchCommunes(query: string, limit: number): Commune[] {
  const q = foldForSearch(query);
  if (!q) return [];
  folded ??= communeRows().map((row) => ({ key: foldForSearch(row[1]), row }));
  const byPostcode = /^\d{2,5}$/.test(q);
  const hits = folded.filter(({ key, row }) =>
    byPostcode
      ? row[2].split(' ').some((postcode) => postcode.startsWith(q)) || row[0] === q
      : key.startsWith(q),
  );
  return hits
    .sort((a, b) => b.row[3] - a.row[3] || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map(({ row }) => toCommune(row));
}

let epciByCode: Map<string, EpciRow> | undefined;
export function findEpci(code: string): Epci | undefined {
  epciByCode ??= new Map(epciRows().map((row) => [row[0], row]));
  const row = epciByCode.get(code);
  return row && { code: row[0], name: row[1], type: row[2], population: row[3] };
}

/**
 * Intercommunalities whose name has every word typed as a prefix ("lacq", "pau bearn"),
 * the most populous first.
 */
export function searchEpcis(query: string, limit: number): Epci[] {
  const words = searchTerms(query);
  if (words.length === 0) return [];
  return epciRows()
    .filter(([, name]) => {
      const terms = searchTerms(name);
      return words.every((word) => terms.some((term) => term.startsWith(word)));
    })
    .sort((a, b) => b[3] - a[3])
    .slice(0, limit)
    .map(([code, name, type, population]) => ({ code, name, type, population }));
}

let departementNames: Map<string, string> | undefined;
/** "Pyrénées-Atlantiques" for 64. */
export function departementName(code: string): string | undefined {
  departementNames ??= new Map(departementRows());
  return departementNames.get(code);
}
