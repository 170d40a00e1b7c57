import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { queueConsumers, scheduledJobs, streamConsumers } from '../../infra/consumers';
import { routes } from '../../infra/routes';
import { BassinStack } from '../../infra/stack';
import { testApp } from '../support/cdk-app';

/**
 * Locally every function shares one environment; in AWS each gets only what its table entry
 * declares. This reads each entry's source and checks the declaration covers what it uses.
 */
const entries = [
  ...routes.map((r) => ({
    name: r.contract.operationId,
    entry: r.entry,
    data: r.data,
    needs: r.needs ?? [],
  })),
  ...[...streamConsumers, ...queueConsumers, ...scheduledJobs].map((c) => ({
    name: c.name,
    entry: c.entry,
    data: 'write' as const,
    needs: c.needs ?? [],
  })),
];

describe('what each function uses is what the stack gives it', () => {
  for (const { name, entry, data, needs } of entries) {
    it(name, () => {
      const source = readFileSync(entry, 'utf8');
      if (/offerDeps(WithSecret)?\(/.test(source)) expect(needs, 'uses the offers topic').toContain('offers');
      if (/deviceDeps\(/.test(source)) expect(needs, 'uses push devices').toContain('devices');
      // Travel times come from Amazon Location when it is configured.
      if (/travelTime\(|matchingDeps\(|\b(tension|skillsGap|catchment)\(/.test(source))
        expect(needs, 'measures travel times').toContain('travel-time');
      if (/(vacancy|seeker|matchRead|matching|inbox|device|planning|counting)Deps\(|offerDeps/.test(source)) {
        expect(data, 'reads the table').not.toBe('none');
      }
    });
  }

  it('lets device functions create and delete endpoints of the configured push applications only', () => {
    const app = testApp();
    const template = Template.fromStack(
      new BassinStack(app, 'Push', {
        offers: {
          notifyThreshold: 60,
          pushApplications: { android: 'arn:aws:sns:eu-west-3:123456789012:app/GCM/bassin' },
        },
      }),
    );
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: { Action: string; Resource: unknown }[] } } })
          .Properties.PolicyDocument.Statement,
    );
    const deletes = statements.filter((s) => s.Action === 'sns:DeleteEndpoint');
    const withDevices = entries.filter((e) => e.needs.includes('devices'));
    expect(deletes).toHaveLength(withDevices.length);
    for (const statement of deletes)
      expect(statement.Resource).toBe('arn:aws:sns:eu-west-3:123456789012:endpoint/GCM/bassin/*');
  });
});
