/** What every planning use case reads: the area asked about, its buckets and person figures, its summary. */
import type { Clock } from '../../ports/runtime';
import type { AreaStore, StatisticsStore } from '../../ports/statistics';
import type { TravelTime } from '../../ports/travel-time';
import { ValidationError } from '../errors';
import { builtInArea, pilotArea, type ResolvedArea, resolveArea } from './areas';
import { findAtom, locatedAtoms, territoryNode, treeOf } from './atoms';
import type { Counts } from './contributions';
import { type Month, monthOf } from './months';
import {
  type BucketReader,
  PersonFigures,
  type PersonNodes,
  personNodesOf,
  personUnits,
} from './person-figures';
import { areaReachDefaults, placesWithin } from './reach';
import type { StatisticalUnit } from './units';

export interface PlanningDeps {
  statistics: Pick<StatisticsStore, 'buckets' | 'bucketsOf' | 'firstMonth'>;
  areas: AreaStore;
  clock: Clock;
}

/** What the use cases over an area's reach (tension, skills gap, catchment) read besides: travel times. */
export interface ReachDeps extends PlanningDeps {
  travel: TravelTime;
}

export async function findArea(deps: Pick<PlanningDeps, 'areas'>, id: string): Promise<ResolvedArea> {
  const area = builtInArea(id) ?? (await deps.areas.get(id));
  if (!area)
    throw new ValidationError([
      {
        field: 'area',
        message: 'planning.unknownArea',
        params: { id },
      },
    ]);
  return resolveArea(area);
}

/** The current month: its figures are provisional. */
export const currentMonth = (clock: Clock) => monthOf(clock.now());

/** Buckets of units for months: one Query per unit for a range, one BatchGet for a single month. */
export function bucketReader(deps: PlanningDeps): BucketReader {
  return async (units, months) => {
    const result = new Map<Month, Map<string, Counts>>();
    // No month to read: a range wholly before the platform's first counted month.
    if (months.length === 0 || units.length === 0) return result;
    if (months.length === 1) {
      const [month] = months as [Month];
      const buckets = await deps.statistics.bucketsOf(units, month);
      result.set(month, new Map(units.map((unit, i) => [unit, buckets[i] ?? {}])));
      return result;
    }
    const sorted = [...months].sort();
    const perUnit = await Promise.all(
      units.map((unit) =>
        deps.statistics.buckets(unit, sorted[0] as Month, sorted[sorted.length - 1] as Month),
      ),
    );
    for (const month of months)
      result.set(month, new Map(units.map((unit, i) => [unit, perUnit[i]?.get(month) ?? {}])));
    return result;
  };
}

/**
 * Everything an area's figures need for these months, in one read: its units' buckets and
 * the person figures of its EPCIs (and, `reachBy` travel times, of every EPCI within its
 * default reach).
 */
export async function areaSources(
  deps: PlanningDeps,
  resolved: ResolvedArea,
  months: Month[],
  options: { reachBy?: TravelTime } = {},
) {
  const people = personNodesOf(resolved);
  const reach = options.reachBy ? await reachNodes(options.reachBy, resolved, people.nodes) : [];
  const own: string[] = resolved.units.map((unit) => unit.id);
  const buckets = await bucketReader(deps)(
    [...new Set([...own, ...personUnits([...people.nodes, ...reach])])],
    months,
  );
  const persons = new PersonFigures(buckets);
  const of = (month: Month) => ({
    buckets: own.map((unit) => buckets.get(month)?.get(unit) ?? {}),
    persons,
    nodes: people.nodes,
  });
  return { of, people, persons, reach };
}

/** Fixed areas within the default reach of an area's units (its own included). */
export async function reachNodes(
  travel: TravelTime,
  resolved: ResolvedArea,
  own: string[],
): Promise<string[]> {
  const reached = new Set<string>(own);
  const origins = resolved.units.filter((unit) => unit.reference);
  const found = await Promise.all(
    origins.map((unit) =>
      placesWithin(travel, locatedAtoms(), {
        from: unit.reference as NonNullable<StatisticalUnit['reference']>,
        ...areaReachDefaults,
      }),
    ),
  );
  for (const entry of found.flat()) reached.add(entry.place.id);
  // The territory node already stands for its EPCIs.
  if (reached.has(territoryNode)) for (const epci of treeOf(territoryNode).atoms) reached.delete(epci);
  return [...reached].sort();
}

export const nodeName = (node: string) => ({
  id: node,
  name: node === territoryNode ? pilotArea.name : (findAtom(node)?.name ?? node),
});

export function areaSummary(resolved: ResolvedArea, people: PersonNodes) {
  return {
    id: resolved.area.id,
    name: resolved.area.name,
    exact: resolved.exact,
    units: resolved.units.map((unit) => ({ id: unit.id, name: unit.name })),
    personFiguresFrom: { areas: people.nodes.map(nodeName), exact: people.exact },
  };
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
