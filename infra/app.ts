import { App } from 'aws-cdk-lib';
import { BassinStack } from './stack';

const app = new App();
new BassinStack(app, 'Bassin', {
  deletionProtection: app.node.tryGetContext('bassin:deletionProtection') !== 'false',
  travelTime:
    app.node.tryGetContext('bassin:travelTime') === 'amazon-location' ? 'amazon-location' : 'estimator',
  transitServiceHours: app.node.tryGetContext('bassin:transitServiceHours') ?? '6-21',
  description: 'Bassin: vacancies and job seekers matched by commute time, with workforce planning',
});
