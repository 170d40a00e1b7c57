/**
 * Profile Connection Scan (Dibbelt, Pajor, Strasser & Wagner, "Connection Scan
 * Algorithm", ACM JEA 2018, §4): one backward scan over the day's connections gives, for
 * every stop, every journey to one destination that is not beaten by another (leaves
 * later and arrives no later). From such a profile any question of a shift is answered
 * without scanning again: the latest departure arriving before a start, the earliest
 * arrival home after an end. Transfers: a change at the same stop or one walk to a nearby
 * stop between two vehicles (network.ts); no limit on their number. Hand-written because
 * no maintained npm package implements it; `test/unit/transit-router.test.ts` checks it
 * against brute force on random small networks.
 */
import { type Connection, connectionsOf, type Network, transfersFrom } from './network';

/** A journey from a stop: board `board`, get off after `alight` (same trip), then `next` (or the destination). */
export interface ProfileEntry {
  departure: number;
  arrival: number;
  board: number;
  alight: number;
  next: ProfileEntry | null;
}

/** What the scans of one network share: its connections in scan order and its transfers. */
export interface PreparedNetwork {
  network: Network;
  connections: Connection[];
  transfers: { to: number; seconds: number }[][];
}

export const prepare = (network: Network): PreparedNetwork => ({
  network,
  connections: connectionsOf(network),
  transfers: transfersFrom(network),
});

/** The entry of a stop's profile (latest departure first) with the earliest arrival among those leaving at `time` or later. */
export function earliestFrom(profile: ProfileEntry[], time: number): ProfileEntry | undefined {
  // Departures decrease along the array; find the last one still ≥ time.
  let low = 0;
  let high = profile.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((profile[middle] as ProfileEntry).departure >= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found < 0 ? undefined : profile[found];
}

/**
 * Profiles of every stop towards a destination reached on foot from `egress` stops
 * (stop index → seconds of walking to the door).
 */
export function profilesTo(prepared: PreparedNetwork, egress: Map<number, number>): ProfileEntry[][] {
  const { network, connections, transfers } = prepared;
  const profiles: ProfileEntry[][] = network.stops.map(() => []);
  // The best way on from inside a trip, at the point of the scan.
  const inTrip: ({ arrival: number; alight: number; next: ProfileEntry | null } | undefined)[] = new Array(
    network.trips.length,
  );
  connections.forEach((c, index) => {
    let best = inTrip[c.trip];
    const walk = egress.get(c.to);
    if (walk !== undefined && (!best || c.arrival + walk < best.arrival))
      best = { arrival: c.arrival + walk, alight: index, next: null };
    for (const { to, seconds } of transfers[c.to] ?? []) {
      const onward = earliestFrom(profiles[to] as ProfileEntry[], c.arrival + seconds);
      if (onward && (!best || onward.arrival < best.arrival))
        best = { arrival: onward.arrival, alight: index, next: onward };
    }
    if (!best) return;
    inTrip[c.trip] = best;
    const profile = profiles[c.from] as ProfileEntry[];
    const last = profile[profile.length - 1];
    if (last && best.arrival >= last.arrival) return;
    const entry = { departure: c.departure, board: index, ...best };
    if (last && last.departure === c.departure) profile[profile.length - 1] = entry;
    else profile.push(entry);
  });
  return profiles;
}

export interface Leg {
  line: number;
  trip: number;
  from: number;
  to: number;
  departure: number;
  arrival: number;
}

/** The vehicles of a journey, in order. */
export function legsOf(prepared: PreparedNetwork, entry: ProfileEntry): Leg[] {
  const legs: Leg[] = [];
  for (let at: ProfileEntry | null = entry; at; at = at.next) {
    const board = prepared.connections[at.board] as Connection;
    const alight = prepared.connections[at.alight] as Connection;
    const trip = prepared.network.trips[board.trip];
    legs.push({
      line: trip?.line ?? 0,
      trip: board.trip,
      from: board.from,
      to: alight.to,
      departure: board.departure,
      arrival: alight.arrival,
    });
  }
  return legs;
}

/** A journey from door to door: leave at `departure`, arrive at `arrival` (seconds), walks included. */
export interface DoorJourney {
  departure: number;
  arrival: number;
  entry: ProfileEntry;
}

/**
 * The journeys from a place reached on foot from `access` stops (stop → seconds of
 * walking from the door) that no other beats, earliest departure first.
 */
export function doorJourneys(profiles: ProfileEntry[][], access: Map<number, number>): DoorJourney[] {
  const all: DoorJourney[] = [];
  for (const [stop, walk] of access)
    for (const entry of profiles[stop] ?? [])
      all.push({ departure: entry.departure - walk, arrival: entry.arrival, entry });
  all.sort((a, b) => b.departure - a.departure || a.arrival - b.arrival);
  const kept: DoorJourney[] = [];
  for (const journey of all) {
    const last = kept[kept.length - 1];
    if (last && journey.arrival >= last.arrival) continue;
    kept.push(journey);
  }
  return kept.reverse();
}
