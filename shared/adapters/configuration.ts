/**
 * Every setting a function reads, in one typed table: the environment variable CDK writes
 * it to (infra/stack-parts) and its default. In Lambda the values come from the function's
 * environment; the local runtime passes its own as values (`configure`), one process
 * serving every function. What the AWS SDK and Powertools read themselves (endpoints,
 * region, credentials) stays in their standard variables.
 */

import { defaultWaveSettings } from '../domain/notifications/waves-settings';

/** Matches scoring at least this are offered, unless a territory says otherwise (CDK context). */
export const defaultNotifyThreshold = 60;

export const settings = {
  tableName: { variable: 'TABLE_NAME' },
  /** `read` when the function may only read the table: caches are then not written. */
  tableAccess: { variable: 'TABLE_ACCESS', default: 'write' },
  allowedOrigin: { variable: 'ALLOWED_ORIGIN' },
  offersTopicArn: { variable: 'OFFERS_TOPIC_ARN' },
  /** The unsubscribe-link key itself (local runtime), else read from the secret below. */
  unsubscribeSecret: { variable: 'UNSUBSCRIBE_SECRET' },
  unsubscribeSecretArn: { variable: 'UNSUBSCRIBE_SECRET_ARN' },
  notifyThreshold: { variable: 'NOTIFY_THRESHOLD', default: String(defaultNotifyThreshold) },
  publicUrl: { variable: 'PUBLIC_URL', default: 'http://localhost:3000' },
  employerDailyCap: { variable: 'EMPLOYER_DAILY_OFFER_CAP', default: '200' },
  /** A wave offers a vacancy to this many candidates per opening. */
  offerWaveFactor: { variable: 'OFFER_WAVE_FACTOR', default: String(defaultWaveSettings.factor) },
  /** Candidates are collected this long after a vacancy is posted or changed before its first wave. */
  offerCollectionMinutes: {
    variable: 'OFFER_COLLECTION_MINUTES',
    default: String(defaultWaveSettings.collectionMinutes),
  },
  /** The next wave goes out once the previous one is answered, or after this many hours. */
  offerNextWaveHours: {
    variable: 'OFFER_NEXT_WAVE_HOURS',
    default: String(defaultWaveSettings.nextWaveHours),
  },
  travelTime: { variable: 'TRAVEL_TIME', default: 'estimator' },
  transitServiceHours: { variable: 'TRANSIT_SERVICE_HOURS' },
  pushApplicationAndroid: { variable: 'PUSH_APPLICATION_ANDROID' },
  pushApplicationIos: { variable: 'PUSH_APPLICATION_IOS' },
  /** `outbox`: SMS and push go to a local file instead of SNS. */
  messageSender: { variable: 'MESSAGE_SENDER' },
  outboxFile: { variable: 'OUTBOX_FILE' },
  timetablesBucket: { variable: 'TIMETABLES_BUCKET' },
  timetablesPrefix: { variable: 'TIMETABLES_PREFIX', default: '' },
} as const satisfies Record<string, { variable: string; default?: string }>;

export type Setting = keyof typeof settings;
export type Configuration = Partial<Record<Setting, string>>;

/**
 * What a function may need besides the table, and the settings each need brings: CDK
 * grants the permissions and writes these settings for every function that declares it.
 */
export const needSettings = {
  offers: [
    'offersTopicArn',
    'unsubscribeSecretArn',
    'notifyThreshold',
    'publicUrl',
    'offerWaveFactor',
    'offerCollectionMinutes',
    'offerNextWaveHours',
  ],
  devices: ['pushApplicationAndroid', 'pushApplicationIos'],
  'send-messages': [],
  timetables: ['timetablesBucket', 'timetablesPrefix'],
  'travel-time': ['travelTime', 'transitServiceHours'],
} as const satisfies Record<string, readonly Setting[]>;
export type Need = keyof typeof needSettings;
export type SettingsOf<N extends Need> = (typeof needSettings)[N][number];

let given: Configuration = {};

/** The local runtime's configuration, as values (later calls add to or replace earlier ones). */
export function configure(values: Configuration) {
  given = { ...given, ...values };
}

/** A setting as configured, else from the environment; undefined when neither gives it. */
export const givenSetting = (name: Setting): string | undefined =>
  given[name] ?? process.env[settings[name].variable];

/** A setting: as configured, else from the environment, else its default. */
export function setting(name: Setting): string | undefined {
  const spec: { variable: string; default?: string } = settings[name];
  return givenSetting(name) ?? spec.default;
}

/** A setting the function cannot work without. */
export function requiredSetting(name: Setting): string {
  const value = setting(name);
  if (!value) throw new Error(`${settings[name].variable} is not set`);
  return value;
}
