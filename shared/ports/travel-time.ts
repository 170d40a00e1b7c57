import type { CommuteEstimate, CommuteQuery } from '../domain/commute/estimator';
import type { ShiftTrips } from '../domain/transit/journeys';

export interface TravelQuery extends CommuteQuery {
  /** INSEE codes of both ends: the cache key of paid routing services. */
  fromCommune: string;
  toCommune: string;
}

/** The two journeys of a shift: there by `start`, back after `end` (minutes after midnight, Europe/Paris). */
export interface ShiftQuery extends Omit<TravelQuery, 'hour'> {
  start: number;
  end: number;
}

export interface ShiftCommute {
  outbound: CommuteEstimate;
  back: CommuteEstimate;
  /** The vehicles taken, when the answer comes from a timetable. */
  trips?: ShiftTrips;
}

/** Door-to-door travel time for one trip, and for the two trips of a shift. */
export interface TravelTime {
  estimate(query: TravelQuery): Promise<CommuteEstimate>;
  shift(query: ShiftQuery): Promise<ShiftCommute>;
}

/**
 * A shift from hourly answers: there leaving an hour before the start, back at the end
 * (what services without timetables can say).
 */
export function shiftByHours(estimate: TravelTime['estimate']): TravelTime['shift'] {
  return async ({ start, end, ...query }) => {
    const hour = (minutes: number) => Math.floor((((minutes % 1440) + 1440) % 1440) / 60);
    const [outbound, back] = await Promise.all([
      estimate({ ...query, hour: hour(start - 60) }),
      estimate({
        ...query,
        from: query.to,
        to: query.from,
        fromCommune: query.toCommune,
        toCommune: query.fromCommune,
        hour: hour(end),
      }),
    ]);
    return { outbound, back };
  };
}

export interface CachedRoute {
  minutes: number;
  distanceKm: number;
}

/** Routes already paid for, per (origin commune, destination commune, mode, hour band). */
export interface RouteCache {
  get(key: string): Promise<CachedRoute | undefined>;
  put(key: string, route: CachedRoute): Promise<void>;
}
