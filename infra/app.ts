import { App } from 'aws-cdk-lib';
import { BassinStack } from './stack';

const app = new App();
new BassinStack(app, 'Bassin', {
  deletionProtection: app.node.tryGetContext('bassin:deletionProtection') !== 'false',
  travelTime:
    app.node.tryGetContext('bassin:travelTime') === 'amazon-location' ? 'amazon-location' : 'estimator',
  transitServiceHours: app.node.tryGetContext('bassin:transitServiceHours') ?? '6-21',
  offers: {
    notifyThreshold: Number(app.node.tryGetContext('bassin:notifyThreshold') ?? 60),
    publicUrl: app.node.tryGetContext('bassin:publicUrl'),
    pushApplications: parseContext(app.node.tryGetContext('bassin:pushApplications')) ?? {},
  },
  // e.g. -c 'bassin:partners=[{"protocol":"https","endpoint":"https://…","filterPolicy":{"epci":["200067254"]}}]'
  partners: parseContext(app.node.tryGetContext('bassin:partners')) ?? [],
  description: 'Bassin: vacancies and job seekers matched by commute time, with workforce planning',
});

/** Context values arrive as strings from the command line and as JSON from cdk.json. */
function parseContext<T>(value: unknown): T | undefined {
  if (value === undefined) return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
