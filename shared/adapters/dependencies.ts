/** Production wiring of ports to adapters, built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { GeoRoutesClient } from '@aws-sdk/client-geo-routes';
import type { MatchReadDeps } from '../domain/match-operations';
import type { MatchingDeps } from '../domain/matching/lifecycle';
import type { SeekerDeps } from '../domain/seeker-operations';
import type { VacancyDeps } from '../domain/vacancy-operations';
import { systemClock } from '../ports/runtime';
import type { TravelTime } from '../ports/travel-time';
import { tableClientFromEnv } from './dynamodb/client';
import { dynamoMatchIndex } from './dynamodb/match-index';
import { dynamoMatchStore } from './dynamodb/match-store';
import { dynamoRouteCache } from './dynamodb/route-cache';
import { dynamoSeekerStore } from './dynamodb/seeker-store';
import { dynamoVacancyStore } from './dynamodb/vacancy-store';
import { amazonLocationTravelTime } from './travel/amazon-location';
import { estimatorTravelTime, serviceHoursFrom } from './travel/estimator';

const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

export const vacancyDeps = once(
  (): VacancyDeps => ({
    vacancies: dynamoVacancyStore(tableClientFromEnv()),
    clock: systemClock,
    newId: randomUUID,
  }),
);

export const seekerDeps = once(
  (): SeekerDeps => ({ seekers: dynamoSeekerStore(tableClientFromEnv()), clock: systemClock }),
);

/** TRAVEL_TIME=amazon-location uses Amazon Location Service (cached); anything else the offline estimator. */
export const travelTime = once((): TravelTime => {
  const estimator = estimatorTravelTime(serviceHoursFrom(process.env.TRANSIT_SERVICE_HOURS));
  if (process.env.TRAVEL_TIME !== 'amazon-location') return estimator;
  return amazonLocationTravelTime({
    client: new GeoRoutesClient({}),
    cache: dynamoRouteCache(tableClientFromEnv(), systemClock),
    fallback: estimator,
    clock: systemClock,
  });
});

export const matchReadDeps = once(
  (): MatchReadDeps => ({
    matches: dynamoMatchStore(tableClientFromEnv()),
    vacancies: vacancyDeps().vacancies,
    seekers: seekerDeps().seekers,
    clock: systemClock,
  }),
);

export const matchingDeps = once(
  (): MatchingDeps => ({
    ...matchReadDeps(),
    index: dynamoMatchIndex(tableClientFromEnv()),
    travel: travelTime(),
  }),
);
