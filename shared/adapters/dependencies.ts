/** Production wiring of ports to adapters, built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type { EmployerNoticeDeps } from '../domain/employer-notices';
import type { MatchReadDeps } from '../domain/match-operations';
import type { MatchingDeps } from '../domain/matching/lifecycle';
import type { OfferDeps } from '../domain/notifications/offers';
import type { CountingDeps } from '../domain/planning/counting';
import type { MobilityDeps } from '../domain/planning/mobility';
import type { PlanningDeps, ReachDeps } from '../domain/planning/sources';
import type { SeekerDeps } from '../domain/seeker-operations';
import type { VacancyDeps } from '../domain/vacancy-operations';
import { systemClock } from '../ports/runtime';
import type { TravelTime } from '../ports/travel-time';
import { type Need, requiredSetting, setting } from './configuration';
import { deviceRegistry } from './device-registry';
import { dynamoAreaStore } from './dynamodb/area-store';
import { sharedDynamoClient, tableClientFromEnv } from './dynamodb/client';
import { dynamoEmployerNoticeStore } from './dynamodb/employer-notice-store';
import { dynamoMatchIndex } from './dynamodb/match-index';
import { dynamoMatchStore } from './dynamodb/match-store';
import { dynamoOfferStore } from './dynamodb/offer-store';
import { dynamoRouteCache } from './dynamodb/route-cache';
import { dynamoScenarioStore } from './dynamodb/scenario-store';
import { dynamoSeekerStore } from './dynamodb/seeker-store';
import { dynamoStatisticsStore } from './dynamodb/statistics-store';
import { dynamoTimetableStore } from './dynamodb/timetable-store';
import { dynamoVacancyStore } from './dynamodb/vacancy-store';
import { dynamoWaveStore } from './dynamodb/wave-store';
import { outboxSender } from './local/outbox-sender';
import type { Using } from './needs';
import { offerLinks } from './offer-links';
import { traced } from './powertools/observability';
import { snsMessageSender } from './sns/message-sender';
import { snsOfferPublisher } from './sns/offer-publisher';
import { amazonLocationTravelTime, type RouteMatrix } from './travel/amazon-location';
import { estimatorTravelTime, serviceHoursFrom } from './travel/estimator';
import { timetableTravelTime } from './travel/timetable';

/**
 * A dependency built on first use and kept for the container's life. Calls are marked pure
 * (`@__PURE__`) so a bundle keeps only the builders its function calls, and with them only
 * the AWS clients it needs (the SDK packages are side-effect free).
 */
const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

/**
 * A dependency for functions that declare what it uses (shared/adapters/needs.ts): the
 * builder takes the calling function's declaration, which must read the table and have each
 * of `needs`, or tsc fails. Builders built from others pass the declaration on, so theirs
 * are checked too. Built once, on first use.
 */
const granted = <N extends Need, T>(_needs: readonly N[], make: (declared: Using<N>) => T) => {
  let value: T | undefined;
  return (declared: Using<N>): T => {
    value ??= make(declared);
    return value;
  };
};

/** The table, its DynamoDB calls traced (the document client shares the base client's middleware). */
const table = /* @__PURE__ */ once(() => {
  traced(sharedDynamoClient());
  return tableClientFromEnv();
});

export const vacancyDeps = /* @__PURE__ */ granted(
  [],
  (): VacancyDeps => ({
    vacancies: dynamoVacancyStore(table()),
    clock: systemClock,
    newId: randomUUID,
  }),
);

export const seekerDeps = /* @__PURE__ */ granted(
  [],
  (): SeekerDeps => ({ seekers: dynamoSeekerStore(table()), clock: systemClock }),
);

/**
 * Transit from imported timetables where they serve both communes; otherwise, and for the
 * other modes, the travelTime setting amazon-location uses Amazon Location Service (cached), anything
 * else the offline estimator.
 */
export const travelTime = /* @__PURE__ */ granted(['travel-time'], (): TravelTime => {
  const estimator = estimatorTravelTime(serviceHoursFrom(setting('transitServiceHours')));
  const roads =
    setting('travelTime') === 'amazon-location'
      ? amazonLocationTravelTime({
          routeMatrix: async (input) => (await amazonRouteMatrix())(input),
          cache: routeCache(),
          fallback: estimator,
          clock: systemClock,
        })
      : estimator;
  return timetableTravelTime({ store: timetables(), fallback: roads, clock: systemClock });
});

/**
 * Amazon Location's route matrix, its client loaded on the first route asked for: the
 * client is a module beside the bundle (geo-routes.mts), which functions on the estimator,
 * the default, never load.
 */
const amazonRouteMatrix = /* @__PURE__ */ once(
  (): Promise<RouteMatrix> =>
    import('./geo-routes.mjs').then(({ GeoRoutesClient, routeMatrixOf }) =>
      routeMatrixOf(traced(new GeoRoutesClient({}))),
    ),
);

/**
 * Routes measured by Amazon Location, kept in the table; a function that may only read
 * the table (the GET planning routes) reads cached routes and keeps new ones to itself.
 */
const routeCache = /* @__PURE__ */ once(() => {
  const cache = dynamoRouteCache(table(), systemClock);
  return setting('tableAccess') === 'read' ? { ...cache, put: async () => undefined } : cache;
});

const timetables = /* @__PURE__ */ once(() => dynamoTimetableStore(table(), systemClock));

/** Importing timetables: the store, and where operators upload GTFS zips (no bucket set: nothing to import). */
export const timetableImportDeps = /* @__PURE__ */ granted(['timetables'], () => ({
  store: timetables(),
  clock: systemClock,
  bucket: setting('timetablesBucket'),
  prefix: setting('timetablesPrefix') ?? '',
}));

export const matchReadDeps = /* @__PURE__ */ granted(
  [],
  (declared): MatchReadDeps => ({
    matches: dynamoMatchStore(table()),
    vacancies: vacancyDeps(declared).vacancies,
    seekers: seekerDeps(declared).seekers,
    clock: systemClock,
  }),
);

export const employerNoticeDeps = /* @__PURE__ */ granted(
  [],
  (declared): EmployerNoticeDeps => ({
    notices: dynamoEmployerNoticeStore(tableClientFromEnv()),
    matches: matchReadDeps(declared).matches,
    seekers: matchReadDeps(declared).seekers,
  }),
);

export const matchingDeps = /* @__PURE__ */ granted(
  ['travel-time'],
  (declared): MatchingDeps => ({
    ...matchReadDeps(declared),
    index: dynamoMatchIndex(table()),
    travel: travelTime(declared),
  }),
);

export const countingDeps = /* @__PURE__ */ granted(
  [],
  (declared): CountingDeps => ({
    ...matchReadDeps(declared),
    statistics: dynamoStatisticsStore(table()),
    waves: dynamoWaveStore(table()),
  }),
);

/** Planning figures: the statistics and the planners' areas. */
export const planningDeps = /* @__PURE__ */ granted(
  [],
  (): PlanningDeps => ({
    statistics: dynamoStatisticsStore(table()),
    areas: dynamoAreaStore(table()),
    clock: systemClock,
  }),
);

/** Planning figures over what is within a commute of an area: travel times too. */
export const reachDeps = /* @__PURE__ */ granted(
  ['travel-time'],
  (declared): ReachDeps => ({ ...planningDeps(declared), travel: travelTime(declared) }),
);

export const mobilityDeps = /* @__PURE__ */ granted(
  [],
  (declared): MobilityDeps => ({
    ...planningDeps(declared),
    timetables: timetables(),
    scenarios: dynamoScenarioStore(table()),
  }),
);

/** Push devices: platform endpoints at SNS when PUSH_APPLICATION_ANDROID / _IOS are set, local names otherwise. */
const devices = /* @__PURE__ */ once(() => {
  const applications = {
    ...(setting('pushApplicationAndroid') ? { android: requiredSetting('pushApplicationAndroid') } : {}),
    ...(setting('pushApplicationIos') ? { ios: requiredSetting('pushApplicationIos') } : {}),
  };
  const sns = Object.keys(applications).length
    ? { client: traced(new SNSClient({})), applications }
    : undefined;
  return deviceRegistry(table(), sns);
});

/** Registering and removing push devices (their endpoints at the configured platform applications). */
export const deviceDeps = /* @__PURE__ */ granted(['devices'], () => ({
  devices: devices(),
  clock: systemClock,
}));

/** SMS and push: SNS, or the local outbox (setting messageSender = outbox). */
const messageSender = /* @__PURE__ */ once(() =>
  setting('messageSender') === 'outbox'
    ? outboxSender(setting('outboxFile')).sender
    : snsMessageSender(new SNSClient({})),
);

/** Erasure: the person's items, their push endpoints, what the sender kept of their messages. */
export const erasureDeps = /* @__PURE__ */ granted(['devices'], (declared) => ({
  ...seekerDeps(declared),
  devices: deviceDeps(declared).devices,
  messages: messageSender(),
}));

/** Export: the person's items and their statistics contribution records. */
export const exportDeps = /* @__PURE__ */ granted([], (declared) => ({
  ...seekerDeps(declared),
  statistics: dynamoStatisticsStore(tableClientFromEnv()),
}));

/**
 * Offers: SNS topic, message sender (SNS, or the local outbox), config, and the devices
 * registered for push (read; registering them is deviceDeps').
 */
const offerDeps = /* @__PURE__ */ granted(['offers'], (declared): OfferDeps => {
  const sns = traced(new SNSClient({}));
  return {
    ...matchReadDeps(declared),
    offers: dynamoOfferStore(table()),
    waves: dynamoWaveStore(table()),
    publisher: snsOfferPublisher(sns, requiredSetting('offersTopicArn')),
    sender: messageSender(),
    devices: devices(),
    // Replaced once the unsubscribe secret is read (offerDepsWithSecret).
    links: offerLinks(publicUrl(), ''),
    config: {
      notifyThreshold: Number(setting('notifyThreshold')),
      employerDailyCap: Number(setting('employerDailyCap')),
      unsubscribeSecret: '',
      waves: {
        factor: Number(setting('offerWaveFactor')),
        collectionMinutes: Number(setting('offerCollectionMinutes')),
        nextWaveHours: Number(setting('offerNextWaveHours')),
      },
    },
  };
});

const publicUrl = () => requiredSetting('publicUrl');

/** The inbox reads offers only: no topic, no sender. */
export const inboxDeps = /* @__PURE__ */ granted([], () => ({ offers: dynamoOfferStore(table()) }));

/** The unsubscribe-link secret: UNSUBSCRIBE_SECRET locally, a Secrets Manager secret in AWS (read once). */
export async function offerDepsWithSecret(declared: Using<'offers'>): Promise<OfferDeps> {
  const deps = offerDeps(declared);
  if (!deps.config.unsubscribeSecret) {
    deps.config.unsubscribeSecret = await unsubscribeSecret();
    deps.links = offerLinks(publicUrl(), deps.config.unsubscribeSecret);
  }
  return deps;
}

let secret: Promise<string> | undefined;
function unsubscribeSecret(): Promise<string> {
  secret ??= (async () => {
    const local = setting('unsubscribeSecret');
    if (local) return local;
    const { SecretString } = await traced(new SecretsManagerClient({})).send(
      new GetSecretValueCommand({ SecretId: requiredSetting('unsubscribeSecretArn') }),
    );
    if (!SecretString) throw new Error('the unsubscribe secret is empty');
    return SecretString;
  })();
  return secret;
}
