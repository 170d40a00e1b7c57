/**
 * Planning areas: named sets of EPCIs and communes. Built in: the pilot territory, every
 * EPCI (`epci-<SIREN>`) and every département (`dep-<code>`); planners add their own.
 * An area is counted as the statistical units that cover it (units.ts): when a unit
 * reaches beyond the area, the answer says so (`exact: false`) instead of splitting it.
 */
import * as z from 'zod/mini';
import { departementName, findEpci, listCommunes } from '../../reference/communes';
import { pilotTerritory } from '../../reference/territories';
import {
  boundedString,
  communeCode,
  distinctList,
  identifier,
  isoTimestamp,
  plainText,
  version,
} from '../schema-parts';
import { type StatisticalUnit, unitOfCommune } from './units';

export const epciCode = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.maxLength(9),
      z.regex(/^\d{9}$/, { message: 'field.epciCode', abort: true }),
      z.refine((code) => findEpci(code) !== undefined, 'field.unknownEpci'),
    )
    .register(z.globalRegistry, { description: 'EPCI SIREN code', example: '200067254' }))();

export const areaId = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.maxLength(40), z.regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'field.areaId'))
    .register(z.globalRegistry, {
      description: 'Area id: a built-in (`lacq-pau-tarbes`, `epci-<SIREN>`, `dep-<code>`) or a custom one',
    }))();

export const areaDefinition = /* @__PURE__ */ (() =>
  z
    .strictObject({
      name: plainText(2, 100),
      epcis: z._default(distinctList(epciCode, 300), []),
      communes: z._default(distinctList(communeCode, 2000), []),
    })
    .check(
      z.refine((area) => area.epcis.length + area.communes.length > 0, {
        message: 'field.areaEmpty',
        path: ['epcis'],
      }),
    )
    .register(z.globalRegistry, { id: 'AreaDefinition' }))();
export type AreaDefinition = z.output<typeof areaDefinition>;

export const area = /* @__PURE__ */ (() =>
  z
    .object({
      id: areaId,
      name: boundedString(200),
      kind: z.enum(['territory', 'epci', 'departement', 'custom']),
      epcis: z.array(boundedString(9)).check(z.maxLength(300)),
      communes: z.array(boundedString(5)).check(z.maxLength(2000)),
      departements: z.array(boundedString(3)).check(z.maxLength(10)),
      source: z.optional(boundedString(1000)),
      version: z.optional(version),
      updatedBy: z.optional(identifier),
      updatedAt: z.optional(isoTimestamp),
    })
    .register(z.globalRegistry, { id: 'Area' }))();
export type Area = z.output<typeof area>;

const reservedPrefixes = ['epci-', 'dep-'];
export const isReservedAreaId = (id: string) =>
  id === pilotTerritory.id || reservedPrefixes.some((prefix) => id.startsWith(prefix));

export const pilotArea: Area = /* @__PURE__ */ (() => ({
  id: pilotTerritory.id,
  name: pilotTerritory.name,
  kind: 'territory',
  epcis: [...pilotTerritory.epcis],
  communes: [],
  departements: [],
  source: pilotTerritory.source,
}))();

/** Built-in areas that exist without being stored (the pilot territory, each EPCI, each département). */
export function builtInArea(id: string): Area | undefined {
  if (id === pilotArea.id) return pilotArea;
  const epci = /^epci-(\d{9})$/.exec(id)?.[1];
  if (epci) {
    const found = findEpci(epci);
    return found && { id, name: found.name, kind: 'epci', epcis: [epci], communes: [], departements: [] };
  }
  const departement = /^dep-(\d[\dAB]\d?)$/.exec(id)?.[1];
  if (departement && communesByDepartement().has(departement))
    return {
      id,
      name: `${departementName(departement) ?? 'Département'} (${departement})`,
      kind: 'departement',
      epcis: [],
      communes: [],
      departements: [departement],
    };
  return undefined;
}

/**
 * The areas a planner of the pilot territory picks from: the territory, each of its EPCIs
 * by name, and each département it touches.
 */
export function territoryAreas(): Area[] {
  const epcis = pilotArea.epcis.flatMap((code) => builtInArea(`epci-${code}`) ?? []);
  const departements = new Set(
    listCommunes()
      .filter((commune) => commune.epci && pilotArea.epcis.includes(commune.epci))
      .map((commune) => commune.departement),
  );
  return [
    pilotArea,
    ...epcis.sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    ...[...departements].sort().flatMap((code) => builtInArea(`dep-${code}`) ?? []),
  ];
}

/** Commune codes grouped by a key, built once on first use. */
function communesBy(key: (commune: ReturnType<typeof listCommunes>[number]) => string | null) {
  let groups: Map<string, string[]> | undefined;
  return () => {
    if (!groups) {
      groups = new Map();
      for (const commune of listCommunes()) {
        const k = key(commune);
        if (!k) continue;
        const codes = groups.get(k) ?? [];
        codes.push(commune.code);
        groups.set(k, codes);
      }
    }
    return groups;
  };
}
const communesByEpci = /* @__PURE__ */ (() => communesBy((commune) => commune.epci))();
const communesByDepartement = /* @__PURE__ */ (() => communesBy((commune) => commune.departement))();

export interface ResolvedArea {
  area: Area;
  units: StatisticalUnit[];
  /** False when some unit also covers communes outside the area (they are counted whole). */
  exact: boolean;
  communes: number;
}

/** The statistical units that cover an area, sorted by id so every reader adds them in one order. */
export function resolveArea(area: Area): ResolvedArea {
  const communes = new Set<string>(area.communes);
  for (const epci of area.epcis) for (const code of communesByEpci().get(epci) ?? []) communes.add(code);
  for (const dep of area.departements)
    for (const code of communesByDepartement().get(dep) ?? []) communes.add(code);
  const units = new Map<string, StatisticalUnit>();
  for (const code of communes) {
    const unit = unitOfCommune(code);
    if (unit) units.set(unit.id, unit);
  }
  const exact = [...units.values()].every((unit) => unit.communes.every((code) => communes.has(code)));
  return {
    area,
    units: [...units.values()].sort((a, b) => a.id.localeCompare(b.id)),
    exact,
    communes: communes.size,
  };
}
