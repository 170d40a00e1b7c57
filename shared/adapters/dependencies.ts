/** Production wiring of ports to adapters, built once per Lambda container. */
import { randomUUID } from 'node:crypto';
import { GeoRoutesClient } from '@aws-sdk/client-geo-routes';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import type { EmployerNoticeDeps } from '../domain/employer-notices';
import type { MatchReadDeps } from '../domain/match-operations';
import type { MatchingDeps } from '../domain/matching/lifecycle';
import type { OfferDeps } from '../domain/notifications/offers';
import { defaultWaveSettings } from '../domain/notifications/waves-settings';
import type { CountingDeps } from '../domain/planning/counting';
import type { MobilityDeps } from '../domain/planning/mobility';
import type { PlanningDeps } from '../domain/planning/operations';
import type { SeekerDeps } from '../domain/seeker-operations';
import type { VacancyDeps } from '../domain/vacancy-operations';
import { systemClock } from '../ports/runtime';
import type { TravelTime } from '../ports/travel-time';
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
import { offerLinks } from './offer-links';
import { traced } from './powertools/observability';
import { snsMessageSender } from './sns/message-sender';
import { snsOfferPublisher } from './sns/offer-publisher';
import { amazonLocationTravelTime } from './travel/amazon-location';
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

/** The table, its DynamoDB calls traced (the document client shares the base client's middleware). */
const table = /* @__PURE__ */ once(() => {
  traced(sharedDynamoClient());
  return tableClientFromEnv();
});

export const vacancyDeps = /* @__PURE__ */ once(
  (): VacancyDeps => ({
    vacancies: dynamoVacancyStore(table()),
    clock: systemClock,
    newId: randomUUID,
  }),
);

export const seekerDeps = /* @__PURE__ */ once(
  (): SeekerDeps => ({ seekers: dynamoSeekerStore(table()), clock: systemClock }),
);

/**
 * Transit from imported timetables where they serve both communes; otherwise, and for the
 * other modes, TRAVEL_TIME=amazon-location uses Amazon Location Service (cached), anything
 * else the offline estimator.
 */
export const travelTime = /* @__PURE__ */ once((): TravelTime => {
  const estimator = estimatorTravelTime(serviceHoursFrom(process.env.TRANSIT_SERVICE_HOURS));
  const roads =
    process.env.TRAVEL_TIME === 'amazon-location'
      ? amazonLocationTravelTime({
          client: traced(new GeoRoutesClient({})),
          cache: dynamoRouteCache(table(), systemClock),
          fallback: estimator,
          clock: systemClock,
        })
      : estimator;
  return timetableTravelTime({ store: timetableStore(), fallback: roads, clock: systemClock });
});

export const timetableStore = /* @__PURE__ */ once(() => dynamoTimetableStore(table(), systemClock));

export const matchReadDeps = /* @__PURE__ */ once(
  (): MatchReadDeps => ({
    matches: dynamoMatchStore(table()),
    vacancies: vacancyDeps().vacancies,
    seekers: seekerDeps().seekers,
    clock: systemClock,
  }),
);

export const employerNoticeDeps = /* @__PURE__ */ once(
  (): EmployerNoticeDeps => ({
    notices: dynamoEmployerNoticeStore(tableClientFromEnv()),
    matches: matchReadDeps().matches,
    seekers: matchReadDeps().seekers,
  }),
);

export const matchingDeps = /* @__PURE__ */ once(
  (): MatchingDeps => ({
    ...matchReadDeps(),
    index: dynamoMatchIndex(table()),
    travel: travelTime(),
  }),
);

export const countingDeps = /* @__PURE__ */ once(
  (): CountingDeps => ({
    ...matchReadDeps(),
    statistics: dynamoStatisticsStore(table()),
  }),
);

export const planningDeps = /* @__PURE__ */ once(
  (): PlanningDeps => ({
    statistics: dynamoStatisticsStore(table()),
    areas: dynamoAreaStore(table()),
    travel: travelTime(),
    clock: systemClock,
  }),
);

export const mobilityDeps = /* @__PURE__ */ once(
  (): MobilityDeps => ({
    ...planningDeps(),
    timetables: timetableStore(),
    scenarios: dynamoScenarioStore(table()),
  }),
);

/** Push devices: platform endpoints at SNS when PUSH_APPLICATION_ANDROID / _IOS are set, local names otherwise. */
export const deviceDeps = /* @__PURE__ */ once(() => {
  const applications = {
    ...(process.env.PUSH_APPLICATION_ANDROID ? { android: process.env.PUSH_APPLICATION_ANDROID } : {}),
    ...(process.env.PUSH_APPLICATION_IOS ? { ios: process.env.PUSH_APPLICATION_IOS } : {}),
  };
  const sns = Object.keys(applications).length
    ? { client: traced(new SNSClient({})), applications }
    : undefined;
  return { devices: deviceRegistry(table(), sns), clock: systemClock };
});

/** SMS and push: SNS, or the local outbox (MESSAGE_SENDER=outbox). */
export const messageSender = /* @__PURE__ */ once(() =>
  process.env.MESSAGE_SENDER === 'outbox'
    ? outboxSender(process.env.OUTBOX_FILE).sender
    : snsMessageSender(new SNSClient({})),
);

/** Erasure: the person's items, their push endpoints, what the sender kept of their messages. */
export const erasureDeps = /* @__PURE__ */ once(() => ({
  ...seekerDeps(),
  devices: deviceDeps().devices,
  messages: messageSender(),
}));

/** Export: the person's items and their statistics contribution records. */
export const exportDeps = /* @__PURE__ */ once(() => ({
  ...seekerDeps(),
  statistics: dynamoStatisticsStore(tableClientFromEnv()),
}));

/** Offers: SNS topic, message sender (SNS, or the local outbox), devices, config. */
export const offerDeps = /* @__PURE__ */ once((): OfferDeps => {
  const sns = traced(new SNSClient({}));
  return {
    ...matchReadDeps(),
    offers: dynamoOfferStore(table()),
    waves: dynamoWaveStore(table()),
    publisher: snsOfferPublisher(sns, requiredEnv('OFFERS_TOPIC_ARN')),
    sender: messageSender(),
    devices: deviceDeps().devices,
    // Replaced once the unsubscribe secret is read (offerDepsWithSecret).
    links: offerLinks(publicUrl(), ''),
    config: {
      notifyThreshold: Number(process.env.NOTIFY_THRESHOLD ?? 60),
      employerDailyCap: Number(process.env.EMPLOYER_DAILY_OFFER_CAP ?? 200),
      unsubscribeSecret: '',
      waves: {
        factor: Number(process.env.OFFER_WAVE_FACTOR ?? defaultWaveSettings.factor),
        collectionMinutes: Number(
          process.env.OFFER_COLLECTION_MINUTES ?? defaultWaveSettings.collectionMinutes,
        ),
        nextWaveHours: Number(process.env.OFFER_NEXT_WAVE_HOURS ?? defaultWaveSettings.nextWaveHours),
      },
    },
  };
});

const publicUrl = () => process.env.PUBLIC_URL ?? 'http://localhost:3000';

/** The inbox reads offers only: no topic, no sender. */
export const inboxDeps = /* @__PURE__ */ once(() => ({ offers: dynamoOfferStore(table()) }));

/** The unsubscribe-link secret: UNSUBSCRIBE_SECRET locally, a Secrets Manager secret in AWS (read once). */
export async function offerDepsWithSecret(): Promise<OfferDeps> {
  const deps = offerDeps();
  if (!deps.config.unsubscribeSecret) {
    deps.config.unsubscribeSecret = await unsubscribeSecret();
    deps.links = offerLinks(publicUrl(), deps.config.unsubscribeSecret);
  }
  return deps;
}

let secret: Promise<string> | undefined;
function unsubscribeSecret(): Promise<string> {
  secret ??= (async () => {
    if (process.env.UNSUBSCRIBE_SECRET) return process.env.UNSUBSCRIBE_SECRET;
    const { SecretString } = await traced(new SecretsManagerClient({})).send(
      new GetSecretValueCommand({ SecretId: requiredEnv('UNSUBSCRIBE_SECRET_ARN') }),
    );
    if (!SecretString) throw new Error('the unsubscribe secret is empty');
    return SecretString;
  })();
  return secret;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
