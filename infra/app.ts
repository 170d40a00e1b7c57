import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { defaultNotifyThreshold } from '../shared/adapters/configuration';
import { BassinStack } from './stack';

const app = new App();
// AWS Solutions checks run on every synth: a new finding fails it until fixed or acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

new BassinStack(app, 'Bassin', {
  deletionProtection: app.node.tryGetContext('bassin:deletionProtection') !== 'false',
  travelTime:
    app.node.tryGetContext('bassin:travelTime') === 'amazon-location' ? 'amazon-location' : 'estimator',
  transitServiceHours: app.node.tryGetContext('bassin:transitServiceHours') ?? '6-21',
  webOrigin: app.node.tryGetContext('bassin:webOrigin'),
  callbackUrls: parseContext(app.node.tryGetContext('bassin:callbackUrls')),
  offers: {
    notifyThreshold: Number(app.node.tryGetContext('bassin:notifyThreshold') ?? defaultNotifyThreshold),
    publicUrl: app.node.tryGetContext('bassin:publicUrl'),
    pushApplications: parseContext(app.node.tryGetContext('bassin:pushApplications')) ?? {},
    // e.g. -c 'bassin:offerWaves={"factor":5,"collectionMinutes":15,"nextWaveHours":24}'
    waves: parseContext(app.node.tryGetContext('bassin:offerWaves')) ?? {},
  },
  // e.g. -c 'bassin:partners=[{"protocol":"https","endpoint":"https://…","filterPolicy":{"epci":["200067254"]}}]'
  partners: parseContext(app.node.tryGetContext('bassin:partners')) ?? [],
  // GTFS zips for the daily import, e.g. -c bassin:timetablesBucket=my-bucket -c bassin:timetablesPrefix=gtfs/
  timetables: {
    bucket: app.node.tryGetContext('bassin:timetablesBucket'),
    prefix: app.node.tryGetContext('bassin:timetablesPrefix'),
  },
  description: 'Bassin: vacancies and job seekers matched by commute time, with workforce planning',
});

/** Context values arrive as strings from the command line and as JSON from cdk.json. */
function parseContext<T>(value: unknown): T | undefined {
  if (value === undefined) return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
