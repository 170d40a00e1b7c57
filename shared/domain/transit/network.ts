import { estimatorConstants } from '../commute/estimator';
import { distanceKm } from '../geo';

/**
 * A public-transport network for one representative day, as the router reads it: stops,
 * lines, trips (their stop times in seconds after midnight of that day; after-midnight
 * runs go past 24:00 as in GTFS) and transfers. Built from GTFS (gtfs/feed.ts) or by a
 * planner's scenario (scenario.ts); never changed in place.
 */

export type TransitMode = 'tram' | 'metro' | 'rail' | 'bus' | 'ferry' | 'cable' | 'coach' | 'other';

export interface TransitStop {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

export interface TransitLine {
  id: string;
  /** What people read on the vehicle: the short name ("TER", "T1"), else the long one. */
  name: string;
  mode: TransitMode;
  agency: string;
}

export interface TransitTrip {
  id: string;
  /** Index into `lines`. */
  line: number;
  /** [stop index, arrival, departure] in stop order; seconds after midnight. */
  times: [number, number, number][];
}

/** A walk between two stops, or (from = to) the time needed to change vehicles at one stop. */
export interface TransitTransfer {
  from: number;
  to: number;
  seconds: number;
}

export interface Network {
  stops: TransitStop[];
  lines: TransitLine[];
  trips: TransitTrip[];
  transfers: TransitTransfer[];
}

/** One hop of a trip between two consecutive stops. */
export interface Connection {
  from: number;
  to: number;
  departure: number;
  arrival: number;
  trip: number;
}

/** Changing vehicles at the same stop takes at least this long unless transfers.txt says otherwise. */
export const defaultChangeSeconds = 120;
/** Nearby stops are joined on foot up to this distance (stations with several stops, a bus stop by a station). */
export const transferWalkKm = 0.4;

/**
 * Every hop, latest departure first (the order the backward scan needs): ties by latest
 * arrival, then later hops of a trip first, so a trip's next hop is always seen before the
 * hop that leads to it, even when both take zero minutes.
 */
export function connectionsOf(network: Network): Connection[] {
  const list: (Connection & { order: number })[] = [];
  network.trips.forEach((trip, index) => {
    for (let i = 0; i + 1 < trip.times.length; i++) {
      const [from, , departure] = trip.times[i] as [number, number, number];
      const [to, arrival] = trip.times[i + 1] as [number, number, number];
      list.push({ from, to, departure, arrival, trip: index, order: i });
    }
  });
  list.sort((a, b) => b.departure - a.departure || b.arrival - a.arrival || b.order - a.order);
  return list.map(({ order: _, ...connection }) => connection);
}

/**
 * Per stop: where one can go to board again after getting off here, and how long it takes
 * (the stop itself with its change time, and nearby stops on foot). At least one minute,
 * so that a transfer never leads to a hop that leaves the very second one arrives.
 */
export function transfersFrom(network: Network): { to: number; seconds: number }[][] {
  const byStop: Map<number, number>[] = network.stops.map(() => new Map());
  network.stops.forEach((_, stop) => {
    byStop[stop]?.set(stop, defaultChangeSeconds);
  });
  for (const { from, to, seconds } of network.transfers) byStop[from]?.set(to, Math.max(60, seconds));
  return byStop.map((targets) => [...targets].map(([to, seconds]) => ({ to, seconds })));
}

/** Seconds to walk a straight-line distance: the estimator's walking speed and circuity. */
export const walkSeconds = (km: number) =>
  Math.ceil(((km * estimatorConstants.circuity.walk) / estimatorConstants.walkKmh) * 3600);

/**
 * Adds walks between stops closer than `transferWalkKm` that transfers.txt does not
 * already join (a grid over the stops, so this stays linear for large feeds).
 */
export function withNearbyTransfers(network: Network): Network {
  const given = new Set(network.transfers.map((t) => `${t.from}>${t.to}`));
  const cellDeg = 0.01;
  const grid = new Map<string, number[]>();
  const keyOf = (lat: number, lon: number) => `${Math.floor(lat / cellDeg)}:${Math.floor(lon / cellDeg)}`;
  network.stops.forEach((stop, index) => {
    const key = keyOf(stop.lat, stop.lon);
    grid.set(key, [...(grid.get(key) ?? []), index]);
  });
  const added: TransitTransfer[] = [];
  network.stops.forEach((stop, from) => {
    const y = Math.floor(stop.lat / cellDeg);
    const x = Math.floor(stop.lon / cellDeg);
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++)
        for (const to of grid.get(`${y + dy}:${x + dx}`) ?? []) {
          if (to === from || given.has(`${from}>${to}`)) continue;
          const km = distanceKm(stop, network.stops[to] as TransitStop);
          if (km <= transferWalkKm) added.push({ from, to, seconds: walkSeconds(km) });
        }
  });
  return { ...network, transfers: [...network.transfers, ...added] };
}
