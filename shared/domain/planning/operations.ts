/** What the planning routes do: areas, and figures read from buckets only (never a Scan). */
import type { Clock } from '../../ports/runtime';
import type { AreaStore, StatisticsStore } from '../../ports/statistics';
import { StaleWriteError } from '../../ports/store';
import type { TravelTime } from '../../ports/travel-time';
import { findCommune } from '../../reference/communes';
import { findOccupation } from '../../reference/occupations';
import { ConflictError, PreconditionFailedError, ValidationError } from '../errors';
import { locateCommune } from '../locate';
import type { CommuteMode } from '../schema-parts';
import {
  type Area,
  type AreaDefinition,
  builtInArea,
  isReservedAreaId,
  pilotArea,
  type ResolvedArea,
  resolveArea,
} from './areas';
import { all, type Counts } from './contributions';
import { type CellFilter, monthFigures } from './figures';
import { addMonths, type Month, monthOf, monthRange } from './months';
import { areaReach, areaReachDefaults, type UnitInReach, unitsWithin } from './reach';
import { type Figure, publishedCell, sumFigures } from './secrecy';
import type { StatisticalUnit } from './units';

export interface PlanningDeps {
  statistics: Pick<StatisticsStore, 'buckets' | 'bucketsOf'>;
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
  if (isReservedAreaId(id))
    throw new ConflictError(`"${id}" is a built-in area; choose another id for your own area`);
  const current = await deps.areas.get(id);
  if (ifMatch !== undefined && current?.version !== ifMatch)
    throw new PreconditionFailedError(current?.version ?? 0);
  if (!current && (await deps.areas.list()).length >= maxCustomAreas)
    throw new ConflictError(`At most ${maxCustomAreas} custom areas; replace or reuse one`);
  const area: Area = {
    id,
    name: definition.name,
    kind: 'custom',
    epcis: definition.epcis,
    communes: definition.communes,
    departements: [],
    version: (current?.version ?? 0) + 1,
    updatedBy: by,
    updatedAt: deps.clock.now().toISOString(),
  };
  try {
    await deps.areas.save(area, current?.version);
  } catch (error) {
    if (error instanceof StaleWriteError) throw new PreconditionFailedError((current?.version ?? 0) + 1);
    throw error;
  }
  return { area, created: !current };
}

export async function listAreas(deps: Pick<PlanningDeps, 'areas'>) {
  const custom = await deps.areas.list();
  return [pilotArea, ...custom.sort((a, b) => a.id.localeCompare(b.id))].map(describe);
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
        message: `unknown area "${id}" (see GET /v1/planning/areas; also epci-<SIREN>, dep-<code>)`,
      },
    ]);
  return resolveArea(area);
}

const areaSummary = (resolved: ResolvedArea) => ({
  id: resolved.area.id,
  name: resolved.area.name,
  exact: resolved.exact,
  units: resolved.units.map((unit) => ({ id: unit.id, name: unit.name })),
});

/** The last complete month and the current one (figures for it are provisional). */
const currentMonth = (clock: Clock) => monthOf(clock.now());

async function unitBuckets(deps: PlanningDeps, units: StatisticalUnit[], from: Month, to: Month) {
  return Promise.all(units.map((unit) => deps.statistics.buckets(unit.id, from, to)));
}

function checkRange(from: Month, to: Month) {
  if (from > to) throw new ValidationError([{ field: 'query.from', message: 'from must not be after to' }]);
  if (monthRange(from, to).length > maxMonths)
    throw new ValidationError([{ field: 'query.from', message: `at most ${maxMonths} months per query` }]);
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
  const perUnit = await unitBuckets(deps, resolved.units, from, to);
  const filter: CellFilter = { sector: query.sector, occupation: query.occupation };
  const rows = monthRange(from, to).map((month) => {
    const { values, suppressed } = monthFigures(
      perUnit.map((buckets) => buckets.get(month) ?? {}),
      filter,
    );
    return { month, ...values, suppressed };
  });
  return {
    area: areaSummary(resolved),
    sector: query.sector ?? null,
    occupation: query.occupation ?? null,
    provisionalMonth: currentMonth(deps.clock),
    items: rows,
    reads: { units: resolved.units.length, months: rows.length },
  };
}

/** Units within the default reach of an area, and their buckets for one month. */
async function reachBuckets(deps: PlanningDeps, resolved: ResolvedArea, month: Month | 'now') {
  const reach = await areaReach(deps.travel, resolved.units);
  const buckets = await deps.statistics.bucketsOf(
    reach.map((unit) => unit.id),
    month,
  );
  return { reach, buckets };
}

const occupationsIn = (buckets: Counts[], metric: string) => {
  const codes = new Set<string>();
  for (const bucket of buckets)
    for (const name of Object.keys(bucket)) {
      const [m, s, o] = name.split('|');
      if (m === metric && s === all && o && o !== all && (bucket[name] ?? 0) > 0) codes.add(o);
    }
  return codes;
};

export async function tension(deps: PlanningDeps, query: { area: string; month?: Month | undefined }) {
  const resolved = await findArea(deps, query.area);
  const month = query.month ?? currentMonth(deps.clock);
  const own = await deps.statistics.bucketsOf(
    resolved.units.map((unit) => unit.id),
    month,
  );
  const { reach, buckets: around } = await reachBuckets(deps, resolved, month);
  const rows = [...occupationsIn(own, 'vo')].map((occupation) => {
    const open = sumFigures(own.map((b) => publishedCell(b, 'vo', `${all}|${occupation}`, false)));
    const seekers = sumFigures(around.map((b) => publishedCell(b, 'sa', `${all}|${occupation}`, true)));
    const ratio =
      seekers.value === null || seekers.value === 0 ? null : round((open.value as number) / seekers.value, 3);
    return {
      occupation,
      label: findOccupation(occupation)?.label ?? occupation,
      openVacancies: open.value as number,
      seekersInReach: seekers.value,
      seekersSuppressed: seekers.suppressed,
      ratio,
      noSeekerInReach: seekers.value === 0,
    };
  });
  // Most tense first: no seeker at all, then the highest ratio; suppressed ratios are not ranked.
  const ranked = rows
    .filter((row) => row.noSeekerInReach || row.ratio !== null)
    .sort(
      (a, b) =>
        Number(b.noSeekerInReach) - Number(a.noSeekerInReach) ||
        (b.ratio ?? 0) - (a.ratio ?? 0) ||
        b.openVacancies - a.openVacancies ||
        a.occupation.localeCompare(b.occupation),
    );
  const rank = new Map(ranked.map((row, i) => [row.occupation, i + 1]));
  return {
    area: areaSummary(resolved),
    month,
    reach: { ...areaReachDefaults, units: reach.length },
    items: rows
      .map((row) => ({ ...row, rank: rank.get(row.occupation) ?? null }))
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.occupation.localeCompare(b.occupation)),
  };
}

export async function skillsGap(
  deps: PlanningDeps,
  query: { area: string; sector?: string | undefined; limit: number },
) {
  const resolved = await findArea(deps, query.area);
  const own = await deps.statistics.bucketsOf(
    resolved.units.map((unit) => unit.id),
    'now',
  );
  const sector = query.sector ?? all;
  const demand = new Map<string, number>();
  for (const bucket of own)
    for (const [name, count] of Object.entries(bucket)) {
      const [m, s, skill] = name.split('|');
      if (m === 'kd' && s === sector && skill && count > 0)
        demand.set(skill, (demand.get(skill) ?? 0) + count);
    }
  const top = [...demand.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, query.limit);
  const { reach, buckets: around } = await reachBuckets(deps, resolved, 'now');
  const items = top.map(([skill, openVacancies]) => {
    const seekers = sumFigures(around.map((b) => publishedCell(b, 'ks', `${all}|${skill}`, true)));
    return {
      skill,
      openVacancies,
      seekersInReach: seekers.value,
      seekersSuppressed: seekers.suppressed,
      seekersPerVacancy: seekers.value === null ? null : round(seekers.value / openVacancies, 2),
    };
  });
  return {
    area: areaSummary(resolved),
    sector: query.sector ?? null,
    reach: { ...areaReachDefaults, units: reach.length },
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
  const reached = await unitsWithin(deps.travel, {
    from: { commune: query.commune, point: located.point },
    minutes: query.minutes,
    mode: query.mode,
    hour: query.hour,
  });
  const buckets = (
    await unitBuckets(
      deps,
      reached.map((entry) => entry.unit),
      month,
      month,
    )
  ).map((byMonth) => byMonth.get(month) ?? {});
  const seekers = (cell: string, indexes: number[]): Figure =>
    sumFigures(indexes.map((i) => publishedCell(buckets[i] as Counts, 'sa', cell, true)));
  const everyone = reached.map((_, i) => i);
  const totalCell = `${query.sector ?? all}|${all}`;
  const byOccupation = [...occupationsIn(buckets, 'sa')].sort().map((occupation) => {
    const figure = seekers(`${all}|${occupation}`, everyone);
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
    const indexes = everyone.filter((j) => {
      const minutes = (reached[j] as UnitInReach).minutes;
      return minutes >= from && (minutes < to || (last && minutes <= to));
    });
    const figure = seekers(totalCell, indexes);
    return {
      fromMinutes: from,
      toMinutes: to,
      seekers: figure.value,
      suppressed: figure.suppressed,
      units: indexes.length,
    };
  });
  const total = seekers(totalCell, everyone);
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
    units: reached.map((entry) => ({
      id: entry.unit.id,
      name: entry.unit.name,
      minutes: entry.minutes,
      commune: entry.unit.reference?.commune as string,
      lat: entry.unit.reference?.point.lat as number,
      lon: entry.unit.reference?.point.lon as number,
    })),
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export { areaSummary, currentMonth, findArea, round, unitBuckets };
