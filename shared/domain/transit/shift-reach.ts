/**
 * Which fixed areas (EPCIs, the units person figures are published for) can reach a
 * place by public transport for each shift: from the area's main place (as catchment and
 * tension measure commutes), a journey arriving by the shift's start and one home after
 * its end, each within `minutes` counted from or to the shift (waiting included).
 */

import { shiftTimes } from '../commute/shifts';
import type { Point } from '../geo';
import type { Shift } from '../schema-parts';
import { stopGrid, stopsNear } from './commutes';
import {
  earliestLeavingFrom,
  type Journey,
  latestArrivingBy,
  minutesBetween,
  readableJourneys,
} from './journeys';
import type { Network } from './network';
import { doorJourneys, prepare, profilesTo } from './profile';

export interface Origin {
  id: string;
  commune: string;
  point: Point;
}

export interface ReachedOrigin {
  id: string;
  /** Door-to-door minutes, the worse of the two journeys. */
  minutes: number;
  outbound: Journey | null;
  back: Journey | null;
}

export const reachShifts: Shift[] = ['morning', 'day', 'afternoon', 'night'];

/** Per shift, the origins that reach any of `destinations` and come back, within `minutes`. */
export function reachByShift(
  network: Network,
  candidates: Origin[],
  destinations: { commune: string; point: Point }[],
  minutes: number,
): Map<Shift, ReachedOrigin[]> {
  let origins = candidates;
  const prepared = prepare(network);
  const grid = stopGrid(network);
  const places = new Map<string, Map<number, number>>();
  const stopsOf = (commune: string, point: Point) => {
    let found = places.get(commune);
    if (!found) {
      found = stopsNear(network, point, grid);
      places.set(commune, found);
    }
    return found;
  };
  const served = destinations.filter((d) => stopsOf(d.commune, d.point).size > 0);
  const inPlace = new Set(destinations.map((d) => d.commune));
  // Only origins in the place itself, or with a stop to walk to, can reach it.
  origins = origins.filter((o) => inPlace.has(o.commune) || stopsOf(o.commune, o.point).size > 0);
  const there = new Map<string, Map<string, Journey[]>>();
  for (const destination of served) {
    const profiles = profilesTo(prepared, stopsOf(destination.commune, destination.point));
    const byOrigin = new Map<string, Journey[]>();
    for (const origin of origins) {
      const access = stopsOf(origin.commune, origin.point);
      if (access.size && origin.commune !== destination.commune)
        byOrigin.set(origin.id, readableJourneys(prepared, doorJourneys(profiles, access)));
    }
    there.set(destination.commune, byOrigin);
  }
  // The way home: one scan towards each origin that has somewhere to go.
  const home = new Map<string, Map<string, Journey[]>>();
  for (const origin of origins) {
    const egress = stopsOf(origin.commune, origin.point);
    if (!egress.size || !served.some((d) => (there.get(d.commune)?.get(origin.id)?.length ?? 0) > 0))
      continue;
    const profiles = profilesTo(prepared, egress);
    const fromDestinations = new Map<string, Journey[]>();
    for (const destination of served)
      if (destination.commune !== origin.commune)
        fromDestinations.set(
          destination.commune,
          readableJourneys(prepared, doorJourneys(profiles, stopsOf(destination.commune, destination.point))),
        );
    home.set(origin.id, fromDestinations);
  }

  const result = new Map<Shift, ReachedOrigin[]>();
  for (const shift of reachShifts) {
    const { start, end } = shiftTimes(shift);
    const reached: ReachedOrigin[] = [];
    for (const origin of origins) {
      if (inPlace.has(origin.commune)) {
        reached.push({ id: origin.id, minutes: 0, outbound: null, back: null });
        continue;
      }
      let best: ReachedOrigin | undefined;
      for (const destination of served) {
        const outbound = latestArrivingBy(there.get(destination.commune)?.get(origin.id) ?? [], start * 60);
        const back = earliestLeavingFrom(
          home.get(origin.id)?.get(destination.commune) ?? [],
          (end * 60) % 86_400,
        );
        if (!outbound || !back) continue;
        const worse = Math.max(
          minutesBetween(outbound.departure, start * 60),
          minutesBetween((end * 60) % 86_400, back.arrival),
        );
        if (worse <= minutes && (!best || worse < best.minutes))
          best = { id: origin.id, minutes: worse, outbound, back };
      }
      if (best) reached.push(best);
    }
    result.set(shift, reached);
  }
  return result;
}
