import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { BassinStack } from '../../infra/stack';

describe('cdk-nag AwsSolutions', () => {
  it('finds no unacknowledged error; every acknowledgement carries a reason', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
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
