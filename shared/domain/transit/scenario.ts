/**
 * Mobility scenarios: a planner's change to the timetable — a new line or trip (stops by
 * commune, minutes from the first stop, departures, days), or a line removed — applied
 * to a copy of the current network to compare reach before and after. Saved per planning
 * team; the live timetable is never changed by them.
 */
import * as z from 'zod/mini';
import { findCommune } from '../../reference/communes';
import { communeLocation } from '../../reference/coordinates';
import { minutesOfClock } from '../commute/shifts';
import {
  communeCode,
  distinctList,
  identifier,
  int32,
  isoTimestamp,
  plainText,
  version,
} from '../schema-parts';
import { stopsNear } from './commutes';
import { type Network, type TransitStop, withNearbyTransfers } from './network';

const clockTime = /* @__PURE__ */ (() =>
  z.string().check(z.maxLength(5), z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'field.clockTime')))();
export const weekdayCodes = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const addLine = /* @__PURE__ */ (() =>
  z
    .strictObject({
      kind: z.literal('add-line'),
      name: plainText(1, 60)
        .clone()
        .register(z.globalRegistry, { description: 'What travellers read, e.g. "Car Pau – Lacq"' }),
      mode: z.enum(['bus', 'coach', 'rail', 'tram']),
      stops: z
        .array(
          z.strictObject({
            commune: communeCode,
            minutes: int32(0, 600).clone().register(z.globalRegistry, { description: 'From the first stop' }),
          }),
        )
        .check(
          z.minLength(2),
          z.maxLength(30),
          z.refine(
            (stops) =>
              stops[0]?.minutes === 0 &&
              stops.every((stop, i) => i === 0 || stop.minutes > (stops[i - 1]?.minutes ?? 0)),
            'field.stopsInOrder',
          ),
        ),
      departures: distinctList(clockTime, 100)
        .check(z.minLength(1))
        .register(z.globalRegistry, { description: 'From the first stop, e.g. ["04:50"]' }),
      returnDepartures: z.optional(distinctList(clockTime, 100)).register(z.globalRegistry, {
        description: 'From the last stop back to the first, same running times',
      }),
      days: z._default(distinctList(z.enum(weekdayCodes), 7).check(z.minLength(1)), [
        'mon',
        'tue',
        'wed',
        'thu',
        'fri',
      ]),
    })
    .register(z.globalRegistry, { id: 'ScenarioAddLine' }))();

export const removeLine = /* @__PURE__ */ (() =>
  z
    .strictObject({
      kind: z.literal('remove-line'),
      line: z
        .string()
        .check(z.maxLength(200))
        .register(z.globalRegistry, { description: 'Line id from GET /v1/planning/transit' }),
    })
    .register(z.globalRegistry, { id: 'ScenarioRemoveLine' }))();

export const scenarioChange = /* @__PURE__ */ (() => z.discriminatedUnion('kind', [addLine, removeLine]))();
export type ScenarioChange = z.output<typeof scenarioChange>;

export const scenarioDefinition = /* @__PURE__ */ (() =>
  z
    .strictObject({
      name: plainText(2, 100),
      description: z.optional(plainText(0, 1000, { multiline: true })),
      changes: z.array(scenarioChange).check(z.minLength(1), z.maxLength(20)),
    })
    .register(z.globalRegistry, { id: 'ScenarioDefinition' }))();
export type ScenarioDefinition = z.output<typeof scenarioDefinition>;

export const scenarioId = /* @__PURE__ */ (() =>
  z.string().check(z.maxLength(40), z.regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'field.areaId')))();

export const scenario = /* @__PURE__ */ (() =>
  z
    .extend(scenarioDefinition, { id: scenarioId, version, updatedBy: identifier, updatedAt: isoTimestamp })
    .register(z.globalRegistry, { id: 'Scenario' }))();
export type Scenario = z.output<typeof scenario>;

export interface AppliedScenario {
  network: Network;
  /** What could not be applied, or applies another day, in French. */
  notes: string[];
}

/**
 * The network with the scenario's changes, for the representative day `weekday`
 * (0 = Monday). A stop is the existing stop nearest the commune's point within walking
 * distance, else a new one at that point.
 */
export function applyScenario(base: Network, changes: ScenarioChange[], weekday: number): AppliedScenario {
  const notes: string[] = [];
  const removed = new Set<number>();
  const stops: TransitStop[] = [...base.stops];
  const lines = [...base.lines];
  const trips = [...base.trips];
  for (const change of changes) {
    if (change.kind === 'remove-line') {
      const index = lines.findIndex((line) => line.id === change.line);
      if (index < 0)
        notes.push(`La ligne « ${change.line} » n'est pas dans les horaires actuels : rien à retirer.`);
      else removed.add(index);
      continue;
    }
    if (!change.days.includes(weekdayCodes[weekday] as (typeof weekdayCodes)[number])) {
      notes.push(`« ${change.name} » ne circule pas le jour de semaine retenu : sans effet ici.`);
      continue;
    }
    const at = change.stops.map(({ commune }) => stopFor(stops, base, commune));
    const line =
      lines.push({
        id: `scenario:${lines.length}`,
        name: change.name,
        mode: change.mode,
        agency: 'Scénario',
      }) - 1;
    const last = change.stops[change.stops.length - 1]?.minutes ?? 0;
    const add = (departure: string, back: boolean) => {
      const order = back ? [...change.stops.keys()].reverse() : [...change.stops.keys()];
      trips.push({
        id: `scenario:${trips.length}`,
        line,
        times: order.map((i) => {
          const offset = back ? last - (change.stops[i]?.minutes ?? 0) : (change.stops[i]?.minutes ?? 0);
          const time = (minutesOfClock(departure) + offset) * 60;
          return [at[i] as number, time, time];
        }),
      });
    };
    for (const departure of change.departures) add(departure, false);
    for (const departure of change.returnDepartures ?? []) add(departure, true);
  }
  const kept = trips.filter((trip) => !removed.has(trip.line));
  const network = withNearbyTransfers({ stops, lines, trips: kept, transfers: base.transfers });
  return { network, notes };
}

function stopFor(stops: TransitStop[], base: Network, commune: string): number {
  const point = communeLocation(commune);
  if (!point) throw new Error(`commune ${commune} has no point`);
  const near = [...stopsNear(base, point)].sort((a, b) => a[1] - b[1])[0];
  if (near) return near[0];
  const id = `scenario:${commune}`;
  const existing = stops.findIndex((stop) => stop.id === id);
  if (existing >= 0) return existing;
  return stops.push({ id, name: findCommune(commune)?.name ?? commune, lat: point.lat, lon: point.lon }) - 1;
}
