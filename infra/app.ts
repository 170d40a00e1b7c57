import { App } from 'aws-cdk-lib';
import { BassinStack } from './stack';

const app = new App();
new BassinStack(app, 'Bassin', {
  deletionProtection: app.node.tryGetContext('bassin:deletionProtection') !== 'false',
  description: 'Bassin: vacancies and job seekers matched by commute time, with workforce planning',
});
