/**
 * Statistical units: the fixed partition of France that planning figures are counted in.
 * A commune of 5,000+ people is its own unit; the rest of each EPCI (its smaller
 * communes together) is one unit. Every commune is in exactly one unit, so any area is a
 * union of units and no two queries can be subtracted to isolate a village (statistical
 * secrecy, see secrecy.ts). This is the same rule that names a candidate's area.
 */
import { type Commune, findCommune, findEpci, listCommunes } from '../../reference/communes';
import { communeLocation } from '../../reference/coordinates';
import type { Point } from '../geo';
import { type UnitId, unitId } from './codes';

export const ownUnitPopulation = 5000;

export interface StatisticalUnit {
  id: UnitId;
  name: string;
  communes: string[];
  /** Most populous commune with coordinates: where commutes to and from the unit are measured. */
  reference: { commune: string; point: Point } | undefined;
  population: number;
}

export function unitIdOf(commune: Pick<Commune, 'code' | 'population' | 'epci'>): UnitId {
  if (commune.population >= ownUnitPopulation)
    return unitId.encode({ kind: 'commune', commune: commune.code });
  return commune.epci
    ? unitId.encode({ kind: 'epci', epci: commune.epci })
    : unitId.encode({ kind: 'lone', commune: commune.code });
}

let units: Map<UnitId, StatisticalUnit> | undefined;

function allUnits(): Map<UnitId, StatisticalUnit> {
  if (units) return units;
  const built = new Map<UnitId, StatisticalUnit>();
  // Most populous first, so each unit's reference is its biggest located commune.
  for (const commune of [...listCommunes()].sort((a, b) => b.population - a.population)) {
    const id = unitIdOf(commune);
    let unit = built.get(id);
    if (!unit) {
      const name =
        unitId.decode(id).kind === 'epci'
          ? `${epciName(commune)} (hors communes de 5 000 hab. et plus)`
          : commune.name;
      unit = { id, name, communes: [], reference: undefined, population: 0 };
      built.set(id, unit);
    }
    unit.communes.push(commune.code);
    unit.population += commune.population;
    const location = unit.reference ? undefined : communeLocation(commune.code);
    if (location) unit.reference = { commune: commune.code, point: { lat: location.lat, lon: location.lon } };
  }
  units = built;
  return built;
}

const epciName = (commune: Commune) => (commune.epci && findEpci(commune.epci)?.name) ?? commune.code;

export function unitOfCommune(code: string): StatisticalUnit | undefined {
  const commune = findCommune(code);
  return commune && allUnits().get(unitIdOf(commune));
}

export const listUnits = (): StatisticalUnit[] => [...allUnits().values()];
