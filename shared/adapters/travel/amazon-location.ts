import type {
  CalculateRouteMatrixCommandInput,
  CalculateRouteMatrixCommandOutput,
} from '@aws-sdk/client-geo-routes';
import { precisionOf } from '../../domain/commute/estimator';
import type { CommuteMode } from '../../domain/schema-parts';
import type { Clock } from '../../ports/runtime';
import { type RouteCache, shiftByHours, type TravelQuery, type TravelTime } from '../../ports/travel-time';

/** Amazon Location's Routes API covers driving and walking; transit and cycling stay estimated. */
const routedModes: Partial<Record<CommuteMode, 'Car' | 'Pedestrian'>> = { car: 'Car', walk: 'Pedestrian' };

/** Hours grouped so that one cached route serves a whole band: peak, off-peak or night. */
export function hourBand(hour: number): 'peak' | 'day' | 'night' {
  if ([7, 8, 16, 17, 18].includes(hour)) return 'peak';
  return hour >= 6 && hour < 21 ? 'day' : 'night';
}

/** One CalculateRouteMatrix call (shared/adapters/geo-routes.mts makes it of a client). */
export type RouteMatrix = (
  input: CalculateRouteMatrixCommandInput,
) => Promise<CalculateRouteMatrixCommandOutput>;

export const routeCacheKey = (query: TravelQuery) =>
  `${query.fromCommune}#${query.toCommune}#${query.mode}#${hourBand(query.hour)}`;

/**
 * Travel time from Amazon Location Service (Routes API, CalculateRouteMatrix), each
 * (origin commune, destination commune, mode, hour band) paid for once and then read
 * from the cache. Modes the service does not route go to `fallback` (the estimator),
 * as do the transit service-hours rules.
 */
export function amazonLocationTravelTime(deps: {
  routeMatrix: RouteMatrix;
  cache: RouteCache;
  fallback: TravelTime;
  clock: Clock;
}): TravelTime {
  const estimate: TravelTime['estimate'] = async (query) => {
    const travelMode = routedModes[query.mode];
    if (!travelMode) return deps.fallback.estimate(query);
    const key = routeCacheKey(query);
    let route = await deps.cache.get(key);
    if (!route) {
      const { RouteMatrix } = await deps.routeMatrix({
        Origins: [{ Position: [query.from.lon, query.from.lat] }],
        Destinations: [{ Position: [query.to.lon, query.to.lat] }],
        TravelMode: travelMode,
        DepartureTime: nextWeekdayAt(deps.clock.now(), query.hour),
        RoutingBoundary: { Unbounded: true },
      });
      const cell = RouteMatrix?.[0]?.[0];
      if (!cell || cell.Error || cell.Duration === undefined || cell.Distance === undefined) {
        // No route (e.g. an island without a bridge): say so through the estimator's answer.
        const estimate = await deps.fallback.estimate(query);
        return {
          ...estimate,
          warnings: [...estimate.warnings, { code: 'commute.noRoute' }],
        };
      }
      route = { minutes: Math.round(cell.Duration / 60), distanceKm: Math.round(cell.Distance / 100) / 10 };
      await deps.cache.put(key, route);
    }
    return {
      mode: query.mode,
      minutes: route.minutes,
      distanceKm: route.distanceKm,
      method: 'amazon-location',
      ...precisionOf(query),
    };
  };
  return { estimate, shift: shiftByHours(estimate) };
}

/** A Tuesday (a typical working day) at `hour`:00 Europe/Paris, after `now`, as ISO 8601 with offset. */
export function nextWeekdayAt(now: Date, hour: number): string {
  const day = new Date(now);
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() !== 2);
  const date = day.toISOString().slice(0, 10);
  const offset =
    new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${date}T12:00:00Z`))
      .find((part) => part.type === 'timeZoneName')
      ?.value.replace('GMT', '') || '+00:00';
  return `${date}T${String(hour).padStart(2, '0')}:00:00${offset}`;
}
