/** Compact row layouts of shared/reference/data/*.json (see build.ts). */
export type CommuneRow = [
  code: string,
  name: string,
  postcodes: string,
  population: number,
  departement: string,
  epci: string,
];
export type EpciRow = [code: string, name: string, type: string, population: number];
export type DepartementRow = [code: string, name: string];
