import type { CommuteEstimate, CommuteQuery } from '../domain/commute/estimator';

export interface TravelQuery extends CommuteQuery {
  /** INSEE codes of both ends: the cache key of paid routing services. */
  fromCommune: string;
  toCommune: string;
}

/** Door-to-door travel time for one trip. */
export interface TravelTime {
  estimate(query: TravelQuery): Promise<CommuteEstimate>;
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
