/** Which places (statistical units, EPCIs) are within a commute of a point, by the travel-time port of matching. */
import type { TravelTime } from '../../ports/travel-time';
import { reachKm } from '../commute/estimator';
import { distanceKm, type Point } from '../geo';
import type { CommuteMode } from '../schema-parts';

export interface Place {
  id: string;
  name: string;
  reference: { commune: string; point: Point } | undefined;
}

export interface PlaceInReach<P extends Place> {
  place: P;
  minutes: number;
}

export interface ReachQuery {
  from: { commune: string; point: Point };
  minutes: number;
  mode: CommuteMode;
  hour: number;
}

/** Places whose reference commune is within `minutes` (closest first); the trip is from the place. */
export async function placesWithin<P extends Place>(
  travel: TravelTime,
  places: P[],
  query: ReachQuery,
): Promise<PlaceInReach<P>[]> {
  const radius = reachKm(query.mode, query.minutes);
  const candidates = places.filter(
    (place) => place.reference && distanceKm(place.reference.point, query.from.point) <= radius,
  );
  const timed = await Promise.all(
    candidates.map(async (place) => {
      const reference = place.reference as NonNullable<Place['reference']>;
      if (reference.commune === query.from.commune) return { place, minutes: 0 };
      const estimate = await travel.estimate({
        from: reference.point,
        to: query.from.point,
        fromCommune: reference.commune,
        toCommune: query.from.commune,
        mode: query.mode,
        hour: query.hour,
        imprecise: true,
      });
      return { place, minutes: estimate.minutes };
    }),
  );
  return timed
    .filter((entry): entry is PlaceInReach<P> => entry.minutes !== null && entry.minutes <= query.minutes)
    .sort((a, b) => a.minutes - b.minutes || a.place.id.localeCompare(b.place.id));
}

/** "Within reach" of an area for tension and skill gaps: 30 minutes by car at 8:00 (La Bonne Boîte's default). */
export const areaReachDefaults = { minutes: 30, mode: 'car' as CommuteMode, hour: 8 };
