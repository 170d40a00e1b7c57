import { Readable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localContext } from '../../infra/local/change-feed';
import { localClientConfig } from '../../infra/local/dynalite';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { dynamoVacancyStore } from '../../shared/adapters/dynamodb/vacancy-store';
import { postVacancyRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { postVacancy } from '../../shared/domain/vacancy-operations';
import { httpHandler } from '../../shared/http/handler';
import { startLocalTable } from '../support/local-table';
import { welderVacancy } from '../support/samples';

let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeAll(async () => {
  local = await startLocalTable();
});
afterAll(() => local.stop());

/** A request handler that answers the next `failures` DynamoDB calls with throttling, as AWS would. */
function throttlingHandler(failures: { remaining: number }) {
  const inner = new NodeHttpHandler();
  return {
    metadata: inner.metadata,
    destroy: () => inner.destroy(),
    updateHttpClientConfig: inner.updateHttpClientConfig.bind(inner),
    httpHandlerConfigs: inner.httpHandlerConfigs.bind(inner),
    handle: async (
      request: Parameters<NodeHttpHandler['handle']>[0],
      options?: Parameters<NodeHttpHandler['handle']>[1],
    ) => {
      if (failures.remaining-- > 0) {
        return {
          response: {
            statusCode: 400,
            headers: {
              'content-type': 'application/x-amz-json-1.0',
              'x-amzn-errortype': 'ThrottlingException',
            },
            body: Readable.from([
              JSON.stringify({
                __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
                message: 'Rate exceeded',
              }),
            ]),
          },
        };
      }
      return inner.handle(request, options);
    },
  };
}

function postWith(failures: { remaining: number }) {
  const client = new DynamoDBClient({
    ...localClientConfig(local.endpoint),
    requestHandler: throttlingHandler(failures) as never,
  });
  const vacancies = dynamoVacancyStore({ doc: documentClient(client), tableName: 'bassin' });
  let n = 0;
  const deps = {
    vacancies,
    clock: { now: () => new Date() },
    newId: () => `fault-${++n}-${failures.remaining}`,
  };
  // The idempotency layer has its own tests; here only the store's faults matter.
  return httpHandler({ ...postVacancyRoute, idempotent: false }, async ({ body, caller }) => ({
    status: 201,
    body: toVacancyView(await postVacancy(deps, caller.sub, body)),
  }));
}

const event = (): APIGatewayProxyEventV2 =>
  ({
    rawPath: '/v1/vacancies',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(welderVacancy()),
    isBase64Encoded: false,
    requestContext: { authorizer: { jwt: { claims: { sub: 'acme', 'cognito:groups': '[employer]' } } } },
  }) as never;

describe('DynamoDB faults at the HTTP edge', () => {
  it('throttled twice then served: the SDK retries and the answer is normal', async () => {
    const failures = { remaining: 2 };
    const result = (await postWith(failures)(
      event(),
      localContext('post') as Context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(201);
    expect(failures.remaining).toBeLessThan(0);
  });

  it('throttled for good: 503 with Retry-After, and nothing half-written', async () => {
    const before = (await local.table.doc.send(new ScanCommand({ TableName: 'bassin' }))).Count;
    const result = (await postWith({ remaining: 100 })(
      event(),
      localContext('post') as Context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('2');
    expect(JSON.parse(result.body ?? '{}')).toMatchObject({
      status: 503,
      title: 'Service momentanément indisponible',
    });
    expect((await local.table.doc.send(new ScanCommand({ TableName: 'bassin' }))).Count).toBe(before);
  }, 30_000);
});
