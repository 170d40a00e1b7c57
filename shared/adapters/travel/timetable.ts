/**
 * Transit from imported timetables (GTFS): the day's journeys of each pair of communes
 * are read from the table (one item per ordered pair, the route-cache access pattern),
 * and each question is answered from them. Other modes, and pairs where a commune has no
 * stop within walking distance, go to `fallback` (the estimator), which says so.
 */
import type { CommuteEstimate, CommuteWarning } from '../../domain/commute/estimator';
import { estimatorConstants, precisionOf } from '../../domain/commute/estimator';
import { distanceKm } from '../../domain/geo';
import {
  earliestLeavingFrom,
  type Journey,
  latestArrivingBy,
  minutesBetween,
} from '../../domain/transit/journeys';
import { viewOfJourney } from '../../domain/transit/trip-view';
import type { Clock } from '../../ports/runtime';
import type { TimetableStore, TimetableSummary } from '../../ports/timetable';
import type { TravelQuery, TravelTime } from '../../ports/travel-time';

/** How long a container trusts the summary it read: a new import is seen within this time. */
const summarySeconds = 60;
/** Pairs kept per container (items never change within an import). */
const cachedPairs = 5_000;

export function timetableTravelTime(deps: {
  store: TimetableStore;
  fallback: TravelTime;
  clock: Clock;
}): TravelTime {
  let summary: { value: Promise<TimetableSummary | undefined>; until: number } | undefined;
  let served: { version: string; communes: Set<string> } | undefined;
  const pairs = new Map<string, Promise<Journey[] | undefined>>();

  const current = async () => {
    const now = deps.clock.now().getTime();
    if (!summary || summary.until <= now)
      summary = { value: deps.store.current(), until: now + summarySeconds * 1000 };
    const found = await summary.value.catch((error) => {
      summary = undefined;
      throw error;
    });
    if (found && served?.version !== found.version)
      served = { version: found.version, communes: new Set(found.communes) };
    return found;
  };

  const journeys = (version: string, from: string, to: string) => {
    const key = `${version}#${from}#${to}`;
    let found = pairs.get(key);
    if (!found) {
      if (pairs.size >= cachedPairs) pairs.clear();
      found = deps.store.journeys(version, from, to);
      pairs.set(key, found);
      found.catch(() => pairs.delete(key));
    }
    return found;
  };

  /** The import to answer from, or undefined (with why) when the estimator must answer. */
  const coverage = async (query: Pick<TravelQuery, 'mode' | 'fromCommune' | 'toCommune'>) => {
    if (query.mode !== 'transit') return undefined;
    const loaded = await current();
    if (!loaded || query.fromCommune === query.toCommune) return undefined;
    const unserved = [query.fromCommune, query.toCommune].filter((code) => !served?.communes.has(code));
    return { loaded, unserved };
  };

  const answer = (
    query: Omit<TravelQuery, 'hour'>,
    minutes: number | null,
    warnings: CommuteWarning[],
  ): CommuteEstimate => ({
    mode: 'transit',
    minutes,
    distanceKm: Math.round(distanceKm(query.from, query.to) * estimatorConstants.circuity.transit * 10) / 10,
    method: 'timetable',
    // The timetable is exact; the walk to and from the commune's point is not.
    confidence: precisionOf(query).confidence,
    warnings: [...warnings, ...precisionOf(query).warnings],
  });

  const withoutData = (estimate: CommuteEstimate, loaded: TimetableSummary): CommuteEstimate => ({
    ...estimate,
    warnings: [
      ...estimate.warnings,
      { code: 'commute.timetableNoStop', params: { km: loaded.accessWalkKm } },
    ],
  });

  return {
    async estimate(query) {
      const covered = await coverage(query);
      if (!covered) return deps.fallback.estimate(query);
      if (covered.unserved.length) return withoutData(await deps.fallback.estimate(query), covered.loaded);
      const day = (await journeys(covered.loaded.version, query.fromCommune, query.toCommune)) ?? [];
      const from = query.hour * 3600;
      const first = earliestLeavingFrom(day, from);
      if (!first || first.departure >= from + 3600)
        return answer(query, null, [{ code: 'commute.timetableNoDeparture', params: { hour: query.hour } }]);
      return { ...answer(query, minutesBetween(from, first.arrival), []), journey: viewOfJourney(first) };
    },

    async shift(query) {
      const covered = await coverage(query);
      if (!covered) return deps.fallback.shift(query);
      if (covered.unserved.length) {
        const { outbound, back } = await deps.fallback.shift(query);
        return { outbound: withoutData(outbound, covered.loaded), back: withoutData(back, covered.loaded) };
      }
      const [there, home] = await Promise.all([
        journeys(covered.loaded.version, query.fromCommune, query.toCommune),
        journeys(covered.loaded.version, query.toCommune, query.fromCommune),
      ]);
      const start = query.start * 60;
      const end = (query.end * 60) % 86_400;
      const outbound = latestArrivingBy(there ?? [], start);
      const back = earliestLeavingFrom(home ?? [], end);
      const reverse = { ...query, from: query.to, to: query.from };
      const result = {
        outbound: outbound
          ? answer(query, minutesBetween(outbound.departure, start), [])
          : answer(query, null, [{ code: 'commute.timetableNoArrival', params: { minutes: query.start } }]),
        back: back
          ? answer(reverse, minutesBetween(end, back.arrival), [])
          : answer(reverse, null, [{ code: 'commute.timetableNoReturn', params: { minutes: query.end } }]),
      };
      return outbound && back ? { ...result, trips: { outbound, back } } : result;
    },
  };
}
