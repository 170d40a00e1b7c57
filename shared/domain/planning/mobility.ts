/**
 * Planning with timetables: the current timetable's lines, planners' mobility scenarios,
 * and how many seekers can reach a site or an area by public transport for each shift,
 * with the live timetable and with a scenario. Seekers are counted per EPCI (the fixed
 * areas person figures are published for, with statistical secrecy, person-figures.ts);
 * an EPCI counts when its main place reaches the site and comes back.
 */

import type { ScenarioStore, TimetableStore } from '../../ports/timetable';
import { findCommune } from '../../reference/communes';
import { communeLocation } from '../../reference/coordinates';
import { findOccupation } from '../../reference/occupations';
import { shiftTimes } from '../commute/shifts';
import { NotFoundError, UnprocessableError, ValidationError } from '../errors';
import { locateCommune } from '../locate';
import type { Shift } from '../schema-parts';
import { weekdayNames } from '../transit/calendar';
import { clock } from '../transit/journeys';
import type { Network } from '../transit/network';
import { applyScenario, type Scenario, type ScenarioDefinition } from '../transit/scenario';
import { type ReachedOrigin, reachByShift } from '../transit/shift-reach';
import { viewOfJourney } from '../transit/trip-view';
import { locatedAtoms } from './atoms';
import { all, cell } from './codes';
import { PersonFigures, personUnits } from './person-figures';
import { bucketReader, currentMonth, findArea, type PlanningDeps } from './sources';
import { saveTeamItem } from './team-items';

export interface MobilityDeps extends PlanningDeps {
  timetables: TimetableStore;
  scenarios: ScenarioStore;
}

export const maxScenarios = 100;

export const shiftLabels: Record<Shift, string> = {
  morning: 'poste du matin',
  day: 'journée',
  afternoon: "poste d'après-midi",
  night: 'poste de nuit',
};

const modeLabels: Record<string, string> = {
  tram: 'tramway',
  metro: 'métro',
  rail: 'train',
  bus: 'bus',
  coach: 'car',
  ferry: 'bateau',
  cable: 'câble',
  other: 'autre',
};

/** The current timetable: what was imported, and its lines (ids for scenarios that remove one). */
export async function transitOverview(deps: Pick<MobilityDeps, 'timetables'>) {
  const summary = await deps.timetables.current();
  if (!summary) return { loaded: false as const, lines: [] };
  const network = await deps.timetables.network(summary.version);
  const trips = new Map<number, number>();
  for (const trip of network?.trips ?? []) trips.set(trip.line, (trips.get(trip.line) ?? 0) + 1);
  return {
    loaded: true as const,
    version: summary.version,
    importedAt: summary.importedAt,
    date: summary.date,
    weekday: weekdayNames[summary.weekday] ?? '',
    feeds: summary.feeds.map((feed) => ({ name: feed.name, agencies: feed.agencies })),
    communesServed: summary.communes.length,
    lines: (network?.lines ?? []).map((line, index) => ({
      id: line.id,
      name: line.name,
      mode: line.mode,
      modeLabel: modeLabels[line.mode] ?? line.mode,
      agency: line.agency,
      trips: trips.get(index) ?? 0,
    })),
  };
}

export async function saveScenario(
  deps: Pick<MobilityDeps, 'scenarios' | 'clock'>,
  id: string,
  definition: ScenarioDefinition,
  ifMatch: number | undefined,
  by: string,
): Promise<{ scenario: Scenario; created: boolean }> {
  const unlocated = definition.changes.flatMap((change, c) =>
    change.kind === 'add-line'
      ? change.stops.flatMap((stop, s) =>
          communeLocation(stop.commune)
            ? []
            : [{ field: `changes.${c}.stops.${s}.commune`, message: 'field.noPoint' }],
        )
      : [],
  );
  if (unlocated.length) throw new UnprocessableError(unlocated);
  const { item, created } = await saveTeamItem(
    deps.scenarios,
    id,
    ifMatch,
    { max: maxScenarios, problem: 'conflict.tooManyScenarios' },
    (version): Scenario => ({
      ...definition,
      id,
      version,
      updatedBy: by,
      updatedAt: deps.clock.now().toISOString(),
    }),
  );
  return { scenario: item, created };
}

export async function listScenarios(deps: Pick<MobilityDeps, 'scenarios'>) {
  return (await deps.scenarios.list()).sort((a, b) => a.id.localeCompare(b.id));
}

const emptyNetwork: Network = { stops: [], lines: [], trips: [], transfers: [] };

export async function transitReach(
  deps: MobilityDeps,
  query: {
    commune?: string | undefined;
    area?: string | undefined;
    scenario?: string | undefined;
    minutes: number;
    sector?: string | undefined;
  },
) {
  if ((query.commune === undefined) === (query.area === undefined))
    throw new ValidationError([{ field: 'commune', message: 'field.placeOrArea' }]);
  const place = query.commune
    ? (() => {
        const located = locateCommune(query.commune, 'commune');
        const target = { commune: query.commune, point: located.point };
        return {
          describe: {
            kind: 'site' as const,
            id: query.commune,
            name: findCommune(query.commune)?.name ?? query.commune,
          },
          destinations: [target],
        };
      })()
    : await areaPlace(deps, query.area as string);
  const scenario = query.scenario ? await deps.scenarios.get(query.scenario) : undefined;
  if (query.scenario && !scenario) throw new NotFoundError('notFound.scenario');
  const summary = await deps.timetables.current();
  const base = (summary && (await deps.timetables.network(summary.version))) ?? emptyNetwork;
  const weekday = summary?.weekday ?? 1;
  const origins = locatedAtoms().map((atom) => ({
    id: atom.id,
    commune: atom.reference?.commune as string,
    point: atom.reference?.point as { lat: number; lon: number },
  }));
  const before = reachByShift(base, origins, place.destinations, query.minutes);
  const applied = scenario ? applyScenario(base, scenario.changes, weekday) : undefined;
  const after = applied && reachByShift(applied.network, origins, place.destinations, query.minutes);

  const month = currentMonth(deps.clock);
  const everyNode = new Set<string>();
  for (const reached of [...before.values(), ...(after?.values() ?? [])])
    for (const origin of reached) everyNode.add(origin.id);
  const persons = new PersonFigures(await bucketReader(deps)(personUnits([...everyNode]), [month]));
  const totalCell = cell.encode(query.sector ?? all, all);
  const figure = (reached: ReachedOrigin[] | undefined, at: string) =>
    reached &&
    persons.sum(
      reached.map((r) => r.id),
      month,
      'seekers_active',
      at,
    );
  const atomName = new Map<string, string>(locatedAtoms().map((atom) => [atom.id, atom.name]));
  const areasOf = (reached: ReachedOrigin[]) =>
    reached
      .map((r) => ({
        id: r.id,
        name: atomName.get(r.id) ?? r.id,
        minutes: r.minutes,
        outbound: r.outbound && viewOfJourney(r.outbound),
        back: r.back && viewOfJourney(r.back),
      }))
      .sort((a, b) => a.minutes - b.minutes || a.name.localeCompare(b.name));

  const shifts = [...before.keys()].map((shift) => {
    const now = before.get(shift) ?? [];
    const then = after?.get(shift);
    const nodes = [...new Set([...now, ...(then ?? [])].map((r) => r.id))];
    const occupations = persons
      .cellsOf(nodes, month, 'seekers_active')
      .filter((at) => cell.isPerOccupation(at));
    const total = figure(now, totalCell);
    const totalAfter = figure(then, totalCell);
    const { start, end } = shiftTimes(shift);
    return {
      shift,
      label: shiftLabels[shift],
      start: clock(start * 60),
      end: clock(end * 60),
      before: { seekers: total?.value ?? null, suppressed: total?.suppressed ?? false, areas: areasOf(now) },
      after: then
        ? {
            seekers: totalAfter?.value ?? null,
            suppressed: totalAfter?.suppressed ?? false,
            areas: areasOf(then),
          }
        : null,
      byOccupation: occupations.map((at) => {
        const { occupation } = cell.decode(at);
        const was = figure(now, at);
        const will = figure(then, at);
        return {
          occupation,
          label: findOccupation(occupation)?.label ?? occupation,
          before: was?.value ?? null,
          beforeSuppressed: was?.suppressed ?? false,
          after: will ? will.value : null,
          afterSuppressed: will?.suppressed ?? false,
        };
      }),
    };
  });
  return {
    place: place.describe,
    month,
    minutes: query.minutes,
    sector: query.sector ?? null,
    timetable: summary
      ? { version: summary.version, date: summary.date, weekday: weekdayNames[summary.weekday] ?? '' }
      : null,
    scenario: scenario ? { id: scenario.id, name: scenario.name, notes: applied?.notes ?? [] } : null,
    notes: [
      ...(summary ? [] : ['Aucun horaire importé : seul le scénario est compté.']),
      'Une intercommunalité compte quand sa commune principale atteint le site et en revient dans le temps donné (attente comprise).',
    ],
    shifts,
  };
}

/** An area's located communes as destinations (each is tried; the best journey counts). */
async function areaPlace(deps: MobilityDeps, id: string) {
  const resolved = await findArea(deps, id);
  const destinations = resolved.units.flatMap((unit) =>
    unit.communes.flatMap((code) => {
      const location = communeLocation(code);
      return location ? [{ commune: code, point: { lat: location.lat, lon: location.lon } }] : [];
    }),
  );
  return { describe: { kind: 'area' as const, id, name: resolved.area.name }, destinations };
}
