/**
 * Where person figures are published: each EPCI (and a commune outside any EPCI on its
 * own), built from the statistical units it contains; the pilot territory is the total of
 * its EPCIs (a "tree" for secondary suppression, secrecy.ts).
 */
import { findCommune, findEpci } from '../../reference/communes';
import { pilotTerritory } from '../../reference/territories';
import type { Point } from '../geo';
import { type AtomId, atomId, type UnitId, unitId } from './codes';
import { listUnits, type StatisticalUnit } from './units';

export const territoryNode = `T:${pilotTerritory.id}`;

export interface Atom {
  id: AtomId;
  name: string;
  units: StatisticalUnit[];
  /** Its most populous located commune: where commutes to and from it are measured. */
  reference: { commune: string; point: Point } | undefined;
}

export function atomIdOfUnit(id: UnitId | string): AtomId {
  const unit = unitId.decode(id);
  if (unit.kind === 'epci') return atomId.encode(unit);
  const epci = unit.kind === 'commune' ? findCommune(unit.commune)?.epci : undefined;
  return epci
    ? atomId.encode({ kind: 'epci', epci })
    : atomId.encode({ kind: 'lone', commune: unit.commune });
}

let atoms: Map<string, Atom> | undefined;
function allAtoms(): Map<string, Atom> {
  if (atoms) return atoms;
  const built = new Map<string, Atom>();
  for (const unit of listUnits().sort((a, b) => b.population - a.population)) {
    const id = atomIdOfUnit(unit.id);
    const atom = built.get(id) ?? {
      id,
      name: atomId.decode(id).kind === 'lone' ? unit.name : (findEpci(id)?.name ?? id),
      units: [],
      reference: undefined,
    };
    atom.units.push(unit);
    // The atom's main place: the most populous located commune of any of its units.
    const population = (ref: Atom['reference']) => (ref ? (findCommune(ref.commune)?.population ?? 0) : -1);
    if (population(unit.reference) > population(atom.reference)) atom.reference = unit.reference;
    built.set(id, atom);
  }
  atoms = built;
  return built;
}

export const unitsOfAtom = (id: string): StatisticalUnit[] => allAtoms().get(id)?.units ?? [];
export const findAtom = (id: string) => allAtoms().get(id);
export const locatedAtoms = () => [...allAtoms().values()].filter((atom) => atom.reference);

/** The tree an atom's figures are suppressed in: the pilot territory's EPCIs, or itself alone. */
export function treeOf(node: string): { root: string | undefined; atoms: string[] } {
  if (node === territoryNode || (pilotTerritory.epcis as readonly string[]).includes(node))
    return { root: territoryNode, atoms: [...pilotTerritory.epcis] };
  return { root: undefined, atoms: [node] };
}
