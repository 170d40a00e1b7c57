/**
 * ROME occupations (France Travail, Licence Ouverte / Etalab 2.0; built by rome-build.ts):
 * the 1,584 codes of ROME 4.0 v4.60, each under a ROME 3 fiche (its parent, e.g. H2916
 * "Soudeur / Soudeuse TIG" under H2913 "Soudage manuel") and a domaine professionnel (the
 * code's first three characters, e.g. H29). Codes are stable: ROME 3 codes are ROME 4.0 codes too.
 */
import type { OccupationTables } from './rome-rows';
import { tableFile } from './table-file';

export interface Occupation {
  code: string;
  label: string;
  parent: { code: string; label: string };
  domain: { code: string; label: string };
}

const tables = /* @__PURE__ */ tableFile<OccupationTables>('occupations.json');
let byCode: Map<string, Occupation> | undefined;

function index() {
  if (byCode) return byCode;
  const { fiches, parents, domains } = tables();
  const parentLabel = new Map(parents);
  const domainLabel = new Map(domains);
  byCode = new Map(
    fiches.map(([code, label, parent]) => [
      code,
      {
        code,
        label,
        parent: { code: parent, label: parentLabel.get(parent) ?? label },
        domain: { code: occupationDomain(code), label: domainLabel.get(occupationDomain(code)) ?? '' },
      },
    ]),
  );
  return byCode;
}

export const findOccupation = (code: string): Occupation | undefined => index().get(code);
export const isKnownOccupation = (code: string): boolean => index().has(code);
/** Every ROME 4.0 code, in code order. */
export const occupationCodes = (): string[] => tables().fiches.map(([code]) => code);
/** "H29" for H2913: the domaine professionnel. */
export const occupationDomain = (code: string): string => code.slice(0, 3);
/** The ROME 3 fiche a code belongs to (itself for the 532 historical codes). */
export const parentFiche = (code: string): string => index().get(code)?.parent.code ?? code;
