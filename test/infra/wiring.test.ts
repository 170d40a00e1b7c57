import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { queueConsumers, scheduledJobs, streamConsumers } from '../../infra/consumers';
import { routes } from '../../infra/routes';
import { BassinStack } from '../../infra/stack';
import {
  deviceDeps,
  offerDepsWithSecret,
  reachDeps,
  seekerDeps,
  travelTime,
} from '../../shared/adapters/dependencies';
import { grantsOf, uses } from '../../shared/adapters/needs';
import { testApp } from '../support/cdk-app';

/**
 * What each function uses is declared once (shared/adapters/needs.ts). The deps builders
 * take that declaration, so a function building what it did not declare fails tsc. The stack
 * grants each function its declaration (here, and in test/infra/stack.test.ts).
 */
describe('a function that builds what it did not declare', () => {
  it('fails tsc', () => {
    // Never run: tsc checks these lines (an `@ts-expect-error` whose line compiles fails tsc).
    const undeclared = () => [
      // @ts-expect-error indicators do not measure travel times, so they did not declare them.
      reachDeps(uses.planningIndicators),
      // @ts-expect-error the statistics consumer may not publish offers.
      offerDepsWithSecret(uses.statistics),
      // @ts-expect-error unsubscribing does not register push devices.
      deviceDeps(uses.unsubscribeMe),
      // @ts-expect-error health has no table access, so nothing that reads the table.
      seekerDeps(uses.health),
      // @ts-expect-error the matcher measures travel times, the statistics consumer does not.
      travelTime(uses.statistics),
    ];
    // What is declared compiles.
    const declared = () => [
      reachDeps(uses.planningTension),
      offerDepsWithSecret(uses.offers),
      deviceDeps(uses.registerDevice),
      seekerDeps(uses.whoAmI),
      travelTime(uses.matcher),
    ];
    expect([undeclared, declared].every((lines) => typeof lines === 'function')).toBe(true);
    // …and the stack grants what those declarations say.
    const needsOf = (name: keyof typeof uses) => grantsOf(uses[name]).needs;
    expect(needsOf('planningIndicators')).not.toContain('travel-time');
    expect(needsOf('planningTension')).toContain('travel-time');
    expect(needsOf('statistics')).toEqual([]);
    expect(needsOf('unsubscribeMe')).not.toContain('devices');
    expect(grantsOf(uses.health).data).toBe('none');
  });
});

const entries = [
  ...routes.map((r) => ({ name: r.contract.operationId, data: r.data, needs: r.needs })),
  ...[...streamConsumers, ...queueConsumers, ...scheduledJobs],
];

// One synth for the file: Amazon Location chosen, one push application configured.
const template = Template.fromStack(
  new BassinStack(testApp(), 'Wiring', {
    travelTime: 'amazon-location',
    offers: {
      notifyThreshold: 60,
      pushApplications: { android: 'arn:aws:sns:eu-west-3:123456789012:app/GCM/bassin' },
    },
  }),
);

describe('what each function uses is what the stack gives it', () => {
  it('takes each route and consumer declaration from the one table, named after it', () => {
    for (const { name, data, needs } of entries) {
      const declared = uses[name as keyof typeof uses];
      expect(declared, name).toBeDefined();
      expect({ data, needs }, name).toEqual(grantsOf(declared));
    }
    expect(entries.map((e) => e.name).sort()).toEqual(Object.keys(uses).sort());
  });

  it('gives travel times only to the planning routes that measure a reach', () => {
    const functions = Object.entries(template.findResources('AWS::Lambda::Function')) as [
      string,
      { Properties: { Environment?: { Variables?: Record<string, string> } } },
    ][];
    const measured = (operationId: string) =>
      functions.find(([id]) => id.startsWith(operationId))?.[1].Properties.Environment?.Variables
        ?.TRAVEL_TIME;
    expect(measured('planningTension')).toBe('amazon-location');
    expect(measured('planningCatchment')).toBe('amazon-location');
    for (const quiet of ['planningIndicators', 'planningForecast', 'planningTransit', 'listPlanningAreas'])
      expect(measured(quiet), quiet).toBeUndefined();
  });

  it('lets device functions create and delete endpoints of the configured push applications only', () => {
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
