/**
 * Door-to-door journeys between communes over a network: each commune's point (GeoNames
 * town centre or GEOFLA centroid, reference/coordinates.ts) is walked to and from the
 * stops within `accessWalkKm`; one profile scan per destination commune gives the day's
 * journeys from every other commune.
 */
import { listCommunes } from '../../reference/communes';
import { communeLocation } from '../../reference/coordinates';
import { distanceKm, type Point } from '../geo';
import { type Journey, readableJourneys } from './journeys';
import { type Network, walkSeconds } from './network';
import { doorJourneys, type PreparedNetwork, profilesTo } from './profile';

/** Farthest walk from a commune's point to a stop, straight line (≈ 24 min at 4.5 km/h on a 1.2 circuity). */
export const accessWalkKm = 1.5;

export interface Place {
  code: string;
  point: Point;
}

/** Every located commune of France (the network decides which ones it reaches). */
export const locatedCommunes = (): Place[] =>
  listCommunes().flatMap((commune) => {
    const location = communeLocation(commune.code);
    return location ? [{ code: commune.code, point: { lat: location.lat, lon: location.lon } }] : [];
  });

/** Stops within walking distance of a point, with the seconds it takes. */
export function stopsNear(network: Network, point: Point, grid = stopGrid(network)): Map<number, number> {
  const near = new Map<number, number>();
  const y = Math.floor(point.lat / gridDegrees);
  const x = Math.floor(point.lon / gridDegrees);
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++)
      for (const stop of grid.get(`${y + dy}:${x + dx}`) ?? []) {
        const km = distanceKm(point, network.stops[stop] as Point);
        if (km <= accessWalkKm) near.set(stop, walkSeconds(km));
      }
  return near;
}

/** ≈ 2.2 km north–south: a cell and its neighbours cover any walk of `accessWalkKm`. */
const gridDegrees = 0.02;
export function stopGrid(network: Network): Map<string, number[]> {
  const grid = new Map<string, number[]>();
  network.stops.forEach((stop, index) => {
    const key = `${Math.floor(stop.lat / gridDegrees)}:${Math.floor(stop.lon / gridDegrees)}`;
    grid.set(key, [...(grid.get(key) ?? []), index]);
  });
  return grid;
}

/** The places served by the network (a stop within walking distance), with their stops. */
export function servedPlaces(network: Network, places: Place[]): Map<string, Map<number, number>> {
  const grid = stopGrid(network);
  const served = new Map<string, Map<number, number>>();
  for (const place of places) {
    const near = stopsNear(network, place.point, grid);
    if (near.size) served.set(place.code, near);
  }
  return served;
}

/** Journeys from every served place to one destination (only pairs with at least one journey). */
export function journeysTo(
  prepared: PreparedNetwork,
  served: Map<string, Map<number, number>>,
  destination: string,
): Map<string, Journey[]> {
  const egress = served.get(destination);
  const found = new Map<string, Journey[]>();
  if (!egress) return found;
  const profiles = profilesTo(prepared, egress);
  for (const [origin, access] of served) {
    if (origin === destination) continue;
    const journeys = readableJourneys(prepared, doorJourneys(profiles, access));
    if (journeys.length) found.set(origin, journeys);
  }
  return found;
}
