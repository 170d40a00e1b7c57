import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { BassinStack } from '../../infra/stack';
import { testApp } from '../support/cdk-app';

describe('cdk-nag AwsSolutions', () => {
  it('finds no unacknowledged error; every acknowledgement carries a reason', () => {
    const app = testApp();
    new BassinStack(app, 'Nagged', {
      partners: [
        {
          protocol: 'https',
          endpoint: 'https://partner.example/offers',
          filterPolicy: { sector: ['agrifood'] },
        },
      ],
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => app.synth()).not.toThrow();
  }, 60_000);
});
