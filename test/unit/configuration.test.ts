import { CalculateRouteMatrixCommand, GeoRoutesClient } from '@aws-sdk/client-geo-routes';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { describe, expect, it } from 'vitest';
import { configure, requiredSetting, setting } from '../../shared/adapters/configuration';
import { uses } from '../../shared/adapters/needs';

describe('settings', () => {
  it('values given by the local runtime win over the environment, defaults fill the rest', () => {
    process.env.EMPLOYER_DAILY_OFFER_CAP = '50';
    expect(setting('employerDailyCap')).toBe('50');
    configure({ employerDailyCap: '75' });
    expect(setting('employerDailyCap')).toBe('75');
    expect(setting('notifyThreshold')).toBe('60');
    expect(() => requiredSetting('offersTopicArn')).toThrow('OFFERS_TOPIC_ARN is not set');
  });

  it('a function that may only read the table reads cached routes and writes none', async () => {
    process.env.AWS_REGION = 'eu-west-3';
    configure({ tableName: 'bassin', travelTime: 'amazon-location', tableAccess: 'read' });
    const geo = mockClient(GeoRoutesClient);
    const ddb = mockClient(DynamoDBDocumentClient);
    ddb.on(GetCommand).resolves({});
    geo.on(CalculateRouteMatrixCommand).resolves({
      RouteMatrix: [[{ Distance: 9400, Duration: 1020 }]],
      ErrorCount: 0,
      RoutingBoundary: { Unbounded: true },
    });
    const { travelTime } = await import('../../shared/adapters/dependencies');
    const route = await travelTime(uses.planningTension).estimate({
      from: { lat: 43.31117, lon: -0.35583 },
      to: { lat: 43.33358, lon: -0.43458 },
      mode: 'car',
      hour: 8,
      imprecise: true,
      fromCommune: '64445',
      toCommune: '64335',
    });
    expect(route).toMatchObject({ minutes: 17, method: 'amazon-location' });
    expect(geo).toHaveReceivedCommandTimes(CalculateRouteMatrixCommand, 1);
    expect(ddb).toHaveReceivedCommand(GetCommand);
    expect(ddb).not.toHaveReceivedCommand(PutCommand);
  });
});
