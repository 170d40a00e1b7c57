/** What the planning routes do: areas, and figures read from buckets only (never a Scan). */
import type { Clock } from '../../ports/runtime';
import type { AreaStore, StatisticsStore } from '../../ports/statistics';
import type { TravelTime } from '../../ports/travel-time';
import { findCommune } from '../../reference/communes';
import { findOccupation } from '../../reference/occupations';
import { ConflictError, ValidationError } from '../errors';
import { locateCommune } from '../locate';
import { skillLabelOfKey } from '../matching/skills';
import type { CommuteMode } from '../schema-parts';
import {
  type Area,
  type AreaDefinition,
  builtInArea,
  isReservedAreaId,
  pilotArea,
  type ResolvedArea,
  resolveArea,
  territoryAreas,
} from './areas';
import { findAtom, locatedAtoms, territoryNode, treeOf } from './atoms';
import { all, type Counts, nowBucket } from './contributions';
import { type CellFilter, monthFigures, vacancyFigure } from './figures';
import { addMonths, type Month, monthOf, monthRange } from './months';
import {
  type BucketReader,
  PersonFigures,
  type PersonNodes,
  personAttributes,
  personNodesOf,
} from './person-figures';
import { areaReachDefaults, placesWithin } from './reach';
import { metricCells } from './secrecy';
import { saveTeamItem } from './team-items';
import type { StatisticalUnit } from './units';

export interface PlanningDeps {
  statistics: Pick<StatisticsStore, 'buckets' | 'bucketsOf' | 'firstMonth'>;
  areas: AreaStore;
  travel: TravelTime;
  clock: Clock;
}

export const maxCustomAreas = 200;
export const maxMonths = 60;

export async function saveArea(
  deps: Pick<PlanningDeps, 'areas' | 'clock'>,
  id: string,
  definition: AreaDefinition,
  ifMatch: number | undefined,
  by: string,
): Promise<{ area: Area; created: boolean }> {
  if (isReservedAreaId(id)) throw new ConflictError('conflict.builtInArea', { id });
  const { item, created } = await saveTeamItem(
    deps.areas,
    id,
    ifMatch,
    { max: maxCustomAreas, problem: 'conflict.tooManyAreas' },
    (version): Area => ({
      id,
      name: definition.name,
      kind: 'custom',
      epcis: definition.epcis,
      communes: definition.communes,
      departements: [],
      version,
      updatedBy: by,
      updatedAt: deps.clock.now().toISOString(),
    }),
  );
  return { area: item, created };
}

export async function listAreas(deps: Pick<PlanningDeps, 'areas'>) {
  const custom = await deps.areas.list();
  return [...territoryAreas(), ...custom.sort((a, b) => a.id.localeCompare(b.id))].map(describe);
}

function describe(area: Area) {
  const resolved = resolveArea(area);
  return { ...area, units: resolved.units.length, communeCount: resolved.communes, exact: resolved.exact };
}

async function findArea(deps: Pick<PlanningDeps, 'areas'>, id: string): Promise<ResolvedArea> {
  const area = builtInArea(id) ?? (await deps.areas.get(id));
  if (!area)
    throw new ValidationError([
      {
        field: 'query.area',
        message: 'planning.unknownArea',
        params: { id },
      },
    ]);
  return resolveArea(area);
}

/** The current month: its figures are provisional. */
const currentMonth = (clock: Clock) => monthOf(clock.now());

/** Buckets of units for months: one Query per unit for a range, one BatchGet for a single month. */
function bucketReader(deps: PlanningDeps): BucketReader {
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
 * the person figures of its EPCIs (and, `withReach`, of every EPCI within its default reach).
 */
async function areaSources(
  deps: PlanningDeps,
  resolved: ResolvedArea,
  months: Month[],
  options: { withReach?: boolean } = {},
) {
  const read = bucketReader(deps);
  const persons = new PersonFigures(read);
  const people = personNodesOf(resolved);
  const reach = options.withReach ? await reachNodes(deps, resolved, people.nodes) : [];
  const own = resolved.units.map((unit) => unit.id);
  const buckets = await read(
    [...new Set([...own, ...persons.unitsFor([...people.nodes, ...reach])])],
    months,
  );
  persons.use(buckets);
  const of = (month: Month) => ({
    buckets: own.map((unit) => buckets.get(month)?.get(unit) ?? {}),
    persons,
    nodes: people.nodes,
  });
  return { of, people, persons, reach };
}

function checkRange(from: Month, to: Month) {
  if (from > to) throw new ValidationError([{ field: 'query.from', message: 'planning.fromAfterTo' }]);
  if (monthRange(from, to).length > maxMonths)
    throw new ValidationError([
      { field: 'query.from', message: 'planning.tooManyMonths', params: { max: maxMonths } },
    ]);
}

export async function indicators(
  deps: PlanningDeps,
  query: {
    area: string;
    sector?: string | undefined;
    occupation?: string | undefined;
    from?: Month | undefined;
    to?: Month | undefined;
  },
) {
  const resolved = await findArea(deps, query.area);
  const to = query.to ?? currentMonth(deps.clock);
  const from = query.from ?? addMonths(to, -11);
  checkRange(from, to);
  // Months before Bassin counted anything have no figures: absent, not zeros.
  const first = await deps.statistics.firstMonth();
  const months = first === undefined ? [] : monthRange([from, first].sort()[1] as Month, to);
  const sources = await areaSources(deps, resolved, months);
  const filter: CellFilter = { sector: query.sector, occupation: query.occupation };
  const rows = months.map((month) => {
    const { values, suppressed } = monthFigures(month, sources.of(month), filter);
    return { month, ...values, suppressed };
  });
  return {
    area: areaSummary(resolved, sources.people),
    sector: query.sector ?? null,
    occupation: query.occupation ?? null,
    provisionalMonth: currentMonth(deps.clock),
    items: rows,
  };
}

/** Fixed areas within the default reach of an area's units (its own included). */
async function reachNodes(deps: PlanningDeps, resolved: ResolvedArea, own: string[]): Promise<string[]> {
  const reached = new Set<string>(own);
  const origins = resolved.units.filter((unit) => unit.reference);
  const found = await Promise.all(
    origins.map((unit) =>
      placesWithin(deps.travel, locatedAtoms(), {
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

export async function tension(deps: PlanningDeps, query: { area: string; month?: Month | undefined }) {
  const resolved = await findArea(deps, query.area);
  const month = query.month ?? currentMonth(deps.clock);
  const { of, people, persons, reach } = await areaSources(deps, resolved, [month], { withReach: true });
  const own = of(month).buckets;
  const occupations = new Set<string>();
  for (const bucket of own)
    for (const cell of Object.keys(metricCells(bucket, 'vo'))) {
      const [s, o] = cell.split('|');
      if (s === all && o && o !== all) occupations.add(o);
    }
  const rows = [...occupations].map((occupation) => {
    const open = vacancyFigure(own, 'vacancies_open', { occupation });
    const seekers = persons.sum(reach, month, personAttributes.seekers, `${all}|${occupation}`);
    const ratio = seekers.value === null || seekers.value === 0 ? null : round(open / seekers.value, 3);
    return {
      occupation,
      label: findOccupation(occupation)?.label ?? occupation,
      openVacancies: open,
      seekersInReach: seekers.value,
      seekersSuppressed: seekers.suppressed,
      ratio,
      noSeekerInReach: seekers.value === 0,
    };
  });
  // Most tense first: no seeker at all, then the highest ratio; suppressed ratios are not ranked.
  const ranked = rows
    .filter((row) => row.openVacancies > 0 && (row.noSeekerInReach || row.ratio !== null))
    .sort(
      (a, b) =>
        Number(b.noSeekerInReach) - Number(a.noSeekerInReach) ||
        (b.ratio ?? 0) - (a.ratio ?? 0) ||
        b.openVacancies - a.openVacancies ||
        a.occupation.localeCompare(b.occupation),
    );
  const rank = new Map(ranked.map((row, i) => [row.occupation, i + 1]));
  return {
    area: areaSummary(resolved, people),
    month,
    reach: { ...areaReachDefaults, areas: reach.map(nodeName) },
    items: rows
      .filter((row) => row.openVacancies > 0)
      .map((row) => ({ ...row, rank: rank.get(row.occupation) ?? null }))
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.occupation.localeCompare(b.occupation)),
  };
}

export async function skillsGap(
  deps: PlanningDeps,
  query: { area: string; sector?: string | undefined; limit: number },
) {
  const resolved = await findArea(deps, query.area);
  const { of, people, persons, reach } = await areaSources(deps, resolved, [nowBucket], { withReach: true });
  const sector = query.sector ?? all;
  const demand = new Map<string, number>();
  for (const bucket of of(nowBucket).buckets)
    for (const [cell, count] of Object.entries(metricCells(bucket, 'kd'))) {
      const [s, skill] = cell.split('|');
      if (s === sector && skill && count > 0) demand.set(skill, (demand.get(skill) ?? 0) + count);
    }
  const top = [...demand.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, query.limit);
  const items = top.map(([skill, openVacancies]) => {
    const seekers = persons.sum(reach, nowBucket, personAttributes.seekerSkills, `${all}|${skill}`);
    return {
      skill,
      label: skillLabelOfKey(skill),
      openVacancies,
      seekersInReach: seekers.value,
      seekersSuppressed: seekers.suppressed,
      seekersPerVacancy: seekers.value === null ? null : round(seekers.value / openVacancies, 2),
    };
  });
  return {
    area: areaSummary(resolved, people),
    sector: query.sector ?? null,
    reach: { ...areaReachDefaults, areas: reach.map(nodeName) },
    items,
  };
}

export const commuteBands = [15, 30, 45, 60, 90, 120] as const;

export async function catchment(
  deps: PlanningDeps,
  query: { commune: string; minutes: number; mode: CommuteMode; hour: number; sector?: string | undefined },
) {
  const site = findCommune(query.commune);
  const located = locateCommune(query.commune, 'query.commune');
  const month = currentMonth(deps.clock);
  const reached = await placesWithin(deps.travel, locatedAtoms(), {
    from: { commune: query.commune, point: located.point },
    minutes: query.minutes,
    mode: query.mode,
    hour: query.hour,
  });
  const nodes = reached.map((entry) => entry.place.id);
  const persons = new PersonFigures(bucketReader(deps));
  await persons.load(nodes, [month]);
  const totalCell = `${query.sector ?? all}|${all}`;
  const byOccupation = persons
    .cellsOf(nodes, month, personAttributes.seekers)
    .filter((cell) => cell.startsWith(`${all}|`) && cell !== `${all}|${all}`)
    .map((cell) => {
      const occupation = cell.slice(2);
      const figure = persons.sum(nodes, month, personAttributes.seekers, cell);
      return {
        occupation,
        label: findOccupation(occupation)?.label ?? occupation,
        seekers: figure.value,
        suppressed: figure.suppressed,
      };
    });
  const bands = commuteBands.filter((_, i) => i === 0 || (commuteBands[i - 1] as number) < query.minutes);
  const distribution = bands.map((upper, i) => {
    const from = i === 0 ? 0 : (commuteBands[i - 1] as number);
    const to = Math.min(upper, query.minutes);
    const last = i === bands.length - 1;
    const inBand = reached
      .filter((entry) => entry.minutes >= from && (entry.minutes < to || (last && entry.minutes <= to)))
      .map((entry) => entry.place.id);
    const figure = persons.sum(inBand, month, personAttributes.seekers, totalCell);
    return {
      fromMinutes: from,
      toMinutes: to,
      seekers: figure.value,
      suppressed: figure.suppressed,
      areas: inBand.length,
    };
  });
  const total = persons.sum(nodes, month, personAttributes.seekers, totalCell);
  return {
    site: { commune: query.commune, name: site?.name ?? query.commune },
    month,
    minutes: query.minutes,
    mode: query.mode,
    hour: query.hour,
    sector: query.sector ?? null,
    seekers: total.value,
    suppressed: total.suppressed,
    byOccupation,
    distribution,
    areas: reached.map((entry) => ({
      id: entry.place.id,
      name: entry.place.name,
      minutes: entry.minutes,
      // Each EPCI's own published figure (its tree's secrecy applies): what the map colours.
      ...seekersOf(persons.sum([entry.place.id], month, personAttributes.seekers, totalCell)),
      commune: entry.place.reference?.commune as string,
      lat: entry.place.reference?.point.lat as number,
      lon: entry.place.reference?.point.lon as number,
    })),
  };
}

const seekersOf = (figure: { value: number | null; suppressed: boolean }) => ({
  seekers: figure.value,
  suppressed: figure.suppressed,
});

const nodeName = (node: string) => ({
  id: node,
  name: node === territoryNode ? pilotArea.name : (findAtom(node)?.name ?? node),
});

function areaSummary(resolved: ResolvedArea, people: PersonNodes) {
  return {
    id: resolved.area.id,
    name: resolved.area.name,
    exact: resolved.exact,
    units: resolved.units.map((unit) => ({ id: unit.id, name: unit.name })),
    personFiguresFrom: { areas: people.nodes.map(nodeName), exact: people.exact },
  };
}

export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export { areaSources, areaSummary, bucketReader, currentMonth, findArea };
