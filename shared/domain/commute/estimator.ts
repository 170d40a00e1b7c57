/**
 * Offline commute estimator: minutes between two points for a mode and a departure hour,
 * from the straight-line distance. Every constant below is an assumption with its source;
 * results are estimates and say so (`method: 'estimate'`, confidence, warnings).
 *
 *  road distance = straight-line distance × circuity factor (per mode). Ballou, Rahardja
 *    & Sakai (2002), "Selected country circuity factors for road travel distance
 *    estimation", Transportation Research Part A 36: European averages about 1.2–1.4.
 *  car   in-vehicle time by road-distance band, cumulative (so longer is never faster):
 *        first 2 km at 25 km/h (town streets), to 10 km at 50 km/h (suburban and
 *        departmental roads), to 30 km at 75 km/h (main roads), beyond at 105 km/h (mostly
 *        motorway, e.g. A64 Bayonne–Pau–Tarbes); + 4 min to park and walk to the door.
 *        Checked against usual journey times: Pau–Lescar ≈ 15–20 min, Pau–Tarbes ≈ 45 min,
 *        Pau–Bayonne ≈ 75–90 min (see the unit tests).
 *        Peak hours (07–09 h, 16–19 h) add 15 % in-vehicle time: an assumption in the range
 *        of TomTom Traffic Index congestion levels for French cities of this size.
 *  transit 22 km/h average in-vehicle speed on a 1.35 circuity (between urban buses,
 *        ~15–20 km/h, and regional coaches and TER, ~30–60 km/h); + 12 min walking to and
 *        from stops; + waiting, half a typical headway: 10 min at peak, 20 min off-peak.
 *        No service outside the configured hours (default 06:00–21:00, typical of
 *        Idelis (Pau) and Alézan (Tarbes) networks and regional lines): a trip that starts
 *        or ends outside them is unavailable, so night shifts are not reachable by transit.
 *  bike  15 km/h (the usual planning speed for utility cycling) on a 1.25 circuity; + 2 min.
 *  walk  4.5 km/h on a 1.2 circuity.
 *  A point known only at commune level (a seeker's home) is the commune's main place (or
 *  its centroid where no town-centre point is known: confidence low);
 *  trips are taken to be at least 1.5 km long when one end is that imprecise.
 */

import type { NoticeCode } from '../../messages/notices';
import { distanceKm, type Point } from '../geo';
import type { CommuteMode } from '../schema-parts';
import type { JourneyView } from '../transit/trip-view';

export interface ServiceHours {
  /** First hour with service, e.g. 6. */
  start: number;
  /** Hour service ends, e.g. 21: a trip must end by then. */
  end: number;
}

export interface CommuteQuery {
  from: Point;
  to: Point;
  mode: CommuteMode;
  /** Departure hour, 0–23, Europe/Paris. */
  hour: number;
  /** True when either end is only known at commune level. */
  imprecise?: boolean;
  /** True when either end is placed at its commune's centroid (no town-centre point is known). */
  centroid?: boolean;
}

/** A caveat on a commute time, as a code of the notice catalogue (shared/messages/notices.ts). */
export interface CommuteWarning {
  code: NoticeCode;
  params?: Record<string, number>;
}

export interface CommuteEstimate {
  mode: CommuteMode;
  /** Null when the mode is unavailable for this trip (transit outside service hours). */
  minutes: number | null;
  distanceKm: number;
  method: 'estimate' | 'amazon-location' | 'timetable';
  confidence: 'low' | 'medium' | 'high';
  warnings: CommuteWarning[];
  /** The vehicles taken, when the answer comes from a timetable. */
  journey?: JourneyView;
}

export const estimatorConstants = {
  circuity: { car: 1.3, transit: 1.35, bike: 1.25, walk: 1.2 },
  carBands: [
    { uptoKm: 2, kmh: 25 },
    { uptoKm: 10, kmh: 50 },
    { uptoKm: 30, kmh: 75 },
    { uptoKm: Number.POSITIVE_INFINITY, kmh: 105 },
  ],
  carTerminalMinutes: 4,
  peakHours: [7, 8, 16, 17, 18],
  carPeakFactor: 1.15,
  transitKmh: 22,
  transitAccessMinutes: 12,
  transitWaitMinutes: { peak: 10, offPeak: 20 },
  bikeKmh: 15,
  bikeTerminalMinutes: 2,
  walkKmh: 4.5,
  impreciseMinimumKm: 1.5,
} as const;

export const defaultServiceHours: ServiceHours = { start: 6, end: 21 };

const warningsByMode: Record<CommuteMode, CommuteWarning[]> = {
  car: [],
  transit: [{ code: 'commute.transitEstimate' }],
  bike: [{ code: 'commute.bikeEstimate' }],
  walk: [{ code: 'commute.walkEstimate' }],
};

/** What the precision of the two ends means for a time: its caveats and how far to trust it. */
export function precisionOf(query: Pick<CommuteQuery, 'imprecise' | 'centroid'>) {
  const warnings: CommuteWarning[] = query.centroid
    ? [{ code: 'commute.centroid' }]
    : query.imprecise
      ? [{ code: 'commute.townCentre' }]
      : [];
  const confidence: CommuteEstimate['confidence'] = query.centroid
    ? 'low'
    : query.imprecise
      ? 'medium'
      : 'high';
  return { warnings, confidence };
}

/** In-vehicle plus terminal minutes for a straight-line distance; `hour` undefined means the fastest hour. */
export function estimateMinutes(mode: CommuteMode, straightKm: number, hour: number | undefined): number {
  const c = estimatorConstants;
  const road = straightKm * c.circuity[mode];
  const peak = hour !== undefined && (c.peakHours as readonly number[]).includes(hour);
  switch (mode) {
    case 'car': {
      let minutes = 0;
      let from = 0;
      for (const band of c.carBands) {
        const length = Math.max(0, Math.min(road, band.uptoKm) - from);
        minutes += (length / band.kmh) * 60;
        from = band.uptoKm;
        if (road <= band.uptoKm) break;
      }
      return minutes * (peak ? c.carPeakFactor : 1) + c.carTerminalMinutes;
    }
    case 'transit': {
      const wait = hour === undefined || peak ? c.transitWaitMinutes.peak : c.transitWaitMinutes.offPeak;
      return (road / c.transitKmh) * 60 + c.transitAccessMinutes + wait;
    }
    case 'bike':
      return (road / c.bikeKmh) * 60 + c.bikeTerminalMinutes;
    case 'walk':
      return (road / c.walkKmh) * 60;
  }
}

export function estimateCommute(
  query: CommuteQuery,
  service: ServiceHours = defaultServiceHours,
): CommuteEstimate {
  const straight = distanceKm(query.from, query.to);
  const effective = query.imprecise ? Math.max(straight, estimatorConstants.impreciseMinimumKm) : straight;
  const minutes = Math.round(estimateMinutes(query.mode, effective, query.hour));
  const precision = precisionOf(query);
  const warnings = [...warningsByMode[query.mode], ...precision.warnings];
  let available = true;
  if (query.mode === 'transit') {
    const departure = query.hour * 60;
    available = departure >= service.start * 60 && departure + minutes <= service.end * 60;
    if (!available)
      warnings.push({ code: 'commute.noService', params: { start: service.start, end: service.end } });
  }
  return {
    mode: query.mode,
    minutes: available ? minutes : null,
    distanceKm: Math.round(effective * estimatorConstants.circuity[query.mode] * 10) / 10,
    method: 'estimate',
    confidence: query.mode === 'transit' ? 'low' : precision.confidence,
    warnings,
  };
}

/**
 * The largest straight-line distance (km) that can be covered within `minutes` by this
 * mode at its fastest hour: the radius that bounds candidate search. Found by bisection
 * on the estimator itself, so the bound and the estimate can never disagree.
 */
export function reachKm(mode: CommuteMode, minutes: number): number {
  let low = 0;
  let high = 1000;
  if (estimateMinutes(mode, 0, undefined) > minutes) return 0;
  for (let i = 0; i < 40; i++) {
    const middle = (low + high) / 2;
    if (estimateMinutes(mode, middle, undefined) <= minutes + 0.5) low = middle;
    else high = middle;
  }
  return high;
}
