import { readFileSync } from 'node:fs';
import { DynamoDBClient, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { describe, expect, it } from 'vitest';
import { entityImage, tableStreamEvent } from '../../events/table-stream';
import { handler as postVacancy } from '../../functions/vacancies/post';
import { localContext } from '../../infra/local/change-feed';
import { entities } from '../../shared/entities';

const sample = (name: string) => JSON.parse(readFileSync(`events/samples/${name}`, 'utf8'));

describe('sample events', () => {
  it('the API Gateway sample drives the real post handler (DynamoDB mocked)', async () => {
    process.env.TABLE_NAME = 'bassin';
    process.env.AWS_REGION = 'eu-west-3';
    const ddb = mockClient(DynamoDBDocumentClient);
    // Powertools idempotency records go through a plain DynamoDB client.
    const idempotency = mockClient(DynamoDBClient);
    idempotency.on(PutItemCommand).resolves({});
    idempotency.on(UpdateItemCommand).resolves({});
    ddb.on(PutCommand).resolves({});
    ddb.on(GetCommand).resolves({});
    const result = (await postVacancy(
      sample('api-post-vacancy.json') as APIGatewayProxyEventV2,
      localContext('post') as Context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body ?? '')).toMatchObject({
      owner: '7a1e9c52-1b2f-4d6e-9f0a-3c4b5d6e7f80',
      status: 'open',
    });
    expect(ddb).toHaveReceivedCommandWith(PutCommand, {
      TableName: 'bassin',
      Item: expect.objectContaining({ GSI1PK: 'EMPLOYER#7a1e9c52-1b2f-4d6e-9f0a-3c4b5d6e7f80' }),
    });
    expect(idempotency).toHaveReceivedCommandWith(PutItemCommand, {
      Item: expect.objectContaining({ PK: { S: 'IDEMPOTENCY#postVacancy' } }),
    });
    ddb.restore();
    idempotency.restore();
  });

  it('the stream sample (schema version 1) parses, and its image reads as a current vacancy', () => {
    const event = tableStreamEvent.parse(sample('stream-vacancy-insert.json'));
    const record = event.Records[0];
    expect(record?.eventName).toBe('INSERT');
    const image = entityImage(record?.dynamodb.NewImage, entities.vacancy);
    expect(image).toMatchObject({
      title: 'Soudeur TIG',
      openings: 2,
      site: { commune: '64335' },
      skills: [{ label: 'soudage TIG' }],
    });
    expect(image).not.toHaveProperty('PK');
    expect(entityImage(record?.dynamodb.NewImage, entities.seekerProfile)).toBeUndefined();
  });
});
