import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CalculateRouteMatrixCommand, GeoRoutesClient } from '@aws-sdk/client-geo-routes';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { dynamoRouteCache } from '../../shared/adapters/dynamodb/route-cache';
import { routeMatrixOf } from '../../shared/adapters/geo-routes.mjs';
import {
  amazonLocationTravelTime,
  hourBand,
  nextWeekdayAt,
} from '../../shared/adapters/travel/amazon-location';
import { estimatorTravelTime } from '../../shared/adapters/travel/estimator';
import type { TravelQuery } from '../../shared/ports/travel-time';
import { fixedClock } from '../support/memory-stores';

const geo = mockClient(GeoRoutesClient);
const ddb = mockClient(DynamoDBDocumentClient);
const clock = fixedClock('2026-11-26T08:00:00.000Z');
const cache = dynamoRouteCache(
  { doc: documentClient(new DynamoDBClient({ region: 'eu-west-3' })), tableName: 'bassin' },
  clock,
);
const travel = amazonLocationTravelTime({
  routeMatrix: routeMatrixOf(new GeoRoutesClient({ region: 'eu-west-3' })),
  cache,
  fallback: estimatorTravelTime(),
  clock,
});

const query = (over: Partial<TravelQuery> = {}): TravelQuery => ({
  from: { lat: 43.31117, lon: -0.35583 },
  to: { lat: 43.33358, lon: -0.43458 },
  mode: 'car',
  hour: 8,
  imprecise: true,
  fromCommune: '64445',
  toCommune: '64335',
  ...over,
});

beforeEach(() => {
  geo.reset();
  ddb.reset();
});

describe('Amazon Location travel time', () => {
  it('asks the route matrix once, then serves the pair from the cache', async () => {
    ddb
      .on(GetCommand)
      .resolvesOnce({})
      .resolves({ Item: { minutes: 17, distanceKm: 9.4, expiresAt: 4102444800 } });
    ddb.on(PutCommand).resolves({});
    geo.on(CalculateRouteMatrixCommand).resolves({
      RouteMatrix: [[{ Distance: 9400, Duration: 1020 }]],
      ErrorCount: 0,
      RoutingBoundary: { Unbounded: true },
    });
    const first = await travel.estimate(query());
    expect(first).toMatchObject({ minutes: 17, distanceKm: 9.4, method: 'amazon-location', mode: 'car' });
    expect(geo).toHaveReceivedCommandWith(CalculateRouteMatrixCommand, {
      Origins: [{ Position: [-0.35583, 43.31117] }],
      Destinations: [{ Position: [-0.43458, 43.33358] }],
      TravelMode: 'Car',
      DepartureTime: '2026-12-01T08:00:00+01:00',
    });
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      Item: expect.objectContaining({
        PK: 'ROUTE#64445#64335',
        SK: 'car#peak',
        minutes: 17,
        entity: 'CachedRoute',
      }),
    });
    const second = await travel.estimate(query({ hour: 17 }));
    expect(second.minutes).toBe(17);
    expect(geo).toHaveReceivedCommandTimes(CalculateRouteMatrixCommand, 1);
  });

  it('treats an expired cache entry as absent', async () => {
    ddb.on(GetCommand).resolves({ Item: { minutes: 99, distanceKm: 1, expiresAt: 1000 } });
    ddb.on(PutCommand).resolves({});
    geo
      .on(CalculateRouteMatrixCommand)
      .resolves({ RouteMatrix: [[{ Distance: 9000, Duration: 960 }]], ErrorCount: 0, RoutingBoundary: {} });
    expect((await travel.estimate(query())).minutes).toBe(16);
  });

  it('leaves transit and cycling to the estimator (the Routes API has neither)', async () => {
    const transit = await travel.estimate(query({ mode: 'transit', hour: 3 }));
    expect(transit).toMatchObject({ method: 'estimate', minutes: null });
    expect((await travel.estimate(query({ mode: 'bike' }))).method).toBe('estimate');
    expect(geo).not.toHaveReceivedCommand(CalculateRouteMatrixCommand);
  });

  it('falls back to the estimate, saying so, when the service finds no route', async () => {
    ddb.on(GetCommand).resolves({});
    geo.on(CalculateRouteMatrixCommand).resolves({
      RouteMatrix: [[{ Distance: 0, Duration: 0, Error: 'NoRoute' }]],
      ErrorCount: 1,
      RoutingBoundary: {},
    });
    const answer = await travel.estimate(query({ mode: 'walk' }));
    expect(answer.method).toBe('estimate');
    expect(answer.warnings).toContainEqual({ code: 'commute.noRoute' });
    expect(ddb).not.toHaveReceivedCommand(PutCommand);
  });

  it('groups hours into peak, day and night bands, and departs on a Tuesday in Paris time', () => {
    expect([7, 8, 12, 17, 22, 4].map(hourBand)).toEqual(['peak', 'peak', 'day', 'peak', 'night', 'night']);
    expect(nextWeekdayAt(new Date('2027-06-10T10:00:00Z'), 5)).toBe('2027-06-15T05:00:00+02:00');
  });
});
