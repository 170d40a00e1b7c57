import { readFileSync } from 'node:fs';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeAll, describe, expect, it } from 'vitest';
import { localContext } from '../../infra/local/change-feed';

const sns = mockClient(SNSClient);

beforeAll(() => {
  Object.assign(process.env, {
    TABLE_NAME: 'bassin',
    AWS_REGION: 'eu-west-3',
    OFFERS_TOPIC_ARN: 'arn:aws:sns:eu-west-3:123456789012:offers',
    UNSUBSCRIBE_SECRET: 'test-secret',
  });
});

const sample = JSON.parse(readFileSync('events/samples/offer-published.json', 'utf8'));
const offerImage = {
  PK: 'SEEKER#lea',
  SK: `OFFER#${sample.vacancy.id}`,
  entity: 'Offer',
  id: sample.id,
  vacancyId: sample.vacancy.id,
  seekerId: 'lea',
  channel: 'sms',
  status: 'pending',
  score: sample.score,
  vacancy: { ...sample.vacancy, id: undefined },
  commute: sample.commute,
  createdAt: sample.occurredAt,
  updatedAt: sample.occurredAt,
};
const record = (
  sequence: string,
  image: Record<string, unknown> = offerImage,
  old?: Record<string, unknown>,
): DynamoDBRecord => ({
  eventID: sequence,
  eventName: old ? 'MODIFY' : 'INSERT',
  eventSource: 'aws:dynamodb',
  dynamodb: {
    Keys: marshall({ PK: image.PK, SK: image.SK }) as never,
    NewImage: marshall(image, { removeUndefinedValues: true }) as never,
    ...(old ? { OldImage: marshall(old, { removeUndefinedValues: true }) as never } : {}),
    SequenceNumber: sequence,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
  },
});

describe('offers stream consumer', () => {
  it('a failed publish fails only that record; the retry publishes exactly once', async () => {
    const { handler } = await import('../../functions/stream/offers');
    sns.on(PublishCommand).rejectsOnce(new Error('SNS unavailable')).resolves({ MessageId: 'm1' });
    const other = { ...offerImage, SK: 'OFFER#other', id: 'another-offer-id-00000', vacancyId: 'other' };
    const first = await handler(
      { Records: [record('001'), record('002', other)] },
      localContext('offers') as Context,
    );
    expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: '001' }] });
    const retry = await handler({ Records: [record('001')] }, localContext('offers') as Context);
    expect(retry).toEqual({ batchItemFailures: [] });
    // One failed attempt, then exactly one successful publish per offer.
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 3);
    const ids = sns
      .commandCalls(PublishCommand)
      .map((call) => JSON.parse(call.args[0].input.Message ?? '{}').id);
    expect(ids).toEqual([sample.id, 'another-offer-id-00000', sample.id]);
    expect(JSON.parse(sns.commandCalls(PublishCommand)[2]?.args[0].input.Message ?? '{}')).toEqual(sample);
  });

  it('publishes an offer when a wave or the end of quiet hours releases it, not while queued nor after a failed send', async () => {
    const { handler } = await import('../../functions/stream/offers');
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm2' });
    const queued = { ...offerImage, status: 'queued' };
    const held = { ...offerImage, status: 'held' };
    const sending = { ...offerImage, status: 'sending' };
    const result = await handler(
      {
        Records: [
          record('101', queued),
          record('102', offerImage, queued),
          record('103', offerImage, sending),
          record('104', offerImage, held),
          record('105', { ...offerImage, status: 'digest' }, queued),
        ],
      },
      localContext('offers') as Context,
    );
    expect(result).toEqual({ batchItemFailures: [] });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 2);
  });

  it('a match image that does not read as a current match still has the match read (the hint is not trusted)', async () => {
    const { handler } = await import('../../functions/stream/offers');
    const ddb = mockClient(DynamoDBDocumentClient);
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(GetCommand).resolves({});
    const old = {
      PK: 'SEEKER#lea',
      SK: 'MATCH#v1',
      entity: 'Match',
      id: 'an-old-match-id-000000',
      status: 'active',
    };
    const result = await handler({ Records: [record('003', old)] }, localContext('offers') as Context);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(ddb.calls().length).toBeGreaterThan(0);
    ddb.restore();
  });
});
