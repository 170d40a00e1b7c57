/** Which statistical units are within a commute of a place, by the same travel-time port as matching. */
import type { TravelTime } from '../../ports/travel-time';
import { reachKm } from '../commute/estimator';
import { distanceKm, type Point } from '../geo';
import type { CommuteMode } from '../schema-parts';
import { locatedUnits, type StatisticalUnit } from './units';

export interface UnitInReach {
  unit: StatisticalUnit;
  minutes: number;
}

export interface ReachQuery {
  from: { commune: string; point: Point };
  minutes: number;
  mode: CommuteMode;
  hour: number;
}

/** Units whose reference commune is within `minutes` (closest first); the trip is from the unit to the place. */
export async function unitsWithin(travel: TravelTime, query: ReachQuery): Promise<UnitInReach[]> {
  const radius = reachKm(query.mode, query.minutes);
  const candidates = locatedUnits().filter(
    (unit) => distanceKm(unit.reference?.point as Point, query.from.point) <= radius,
  );
  const timed = await Promise.all(
    candidates.map(async (unit) => {
      const reference = unit.reference as NonNullable<StatisticalUnit['reference']>;
      if (reference.commune === query.from.commune) return { unit, minutes: 0 };
      const estimate = await travel.estimate({
        from: reference.point,
        to: query.from.point,
        fromCommune: reference.commune,
        toCommune: query.from.commune,
        mode: query.mode,
        hour: query.hour,
        imprecise: true,
      });
      return { unit, minutes: estimate.minutes };
    }),
  );
  return timed
    .filter((entry): entry is UnitInReach => entry.minutes !== null && entry.minutes <= query.minutes)
    .sort((a, b) => a.minutes - b.minutes || a.unit.id.localeCompare(b.unit.id));
}

/** The default "within reach" of an area for tension and skill gaps: 30 minutes by car at 8:00. */
export const areaReachDefaults = { minutes: 30, mode: 'car' as CommuteMode, hour: 8 };

/** Units of the area, plus every unit within the default reach of one of them. */
export async function areaReach(travel: TravelTime, units: StatisticalUnit[]): Promise<StatisticalUnit[]> {
  const reached = new Map(units.map((unit) => [unit.id, unit]));
  for (const unit of units) {
    if (!unit.reference) continue;
    for (const entry of await unitsWithin(travel, { from: unit.reference, ...areaReachDefaults }))
      reached.set(entry.unit.id, entry.unit);
  }
  return [...reached.values()].sort((a, b) => a.id.localeCompare(b.id));
}
