import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreatePlatformEndpointCommand,
  DeleteEndpointCommand,
  PublishCommand,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-vitest/extend';
import { beforeEach, describe, expect, it } from 'vitest';
import { offerPublishedV1 } from '../../events/offer-published';
import { deviceRegistry } from '../../shared/adapters/device-registry';
import { documentClient } from '../../shared/adapters/dynamodb/client';
import { snsMessageSender } from '../../shared/adapters/sns/message-sender';
import { snsOfferPublisher } from '../../shared/adapters/sns/offer-publisher';
import { publishOffer } from '../../shared/domain/notifications/offers';
import {
  seekerOfUnsubscribeToken,
  unsubscribeToken,
} from '../../shared/domain/notifications/unsubscribe-token';
import type { Offer } from '../../shared/domain/offer';

const sns = mockClient(SNSClient);
const client = new SNSClient({ region: 'eu-west-3' });
beforeEach(() => sns.reset());

const offer: Offer = {
  id: 'Qm9vWmF0Y2hJZEV4YW1wbA',
  vacancyId: '0b8f6b1e-4a9e-4c55-9d2e-1f0e2d3c4b5a',
  seekerId: 'lea',
  channel: 'sms',
  status: 'pending',
  score: 91,
  vacancy: {
    title: 'Soudeur TIG',
    sector: 'aeronautics',
    occupation: 'H2913',
    commune: { code: '64335', name: 'Lescar' },
    epci: '200067254',
  },
  commute: { mode: 'car', minutes: 17 },
  createdAt: '2026-11-26T08:00:05.000Z',
  updatedAt: '2026-11-26T08:00:05.000Z',
};

describe('offer publisher', () => {
  it('publishes the OfferPublished event with filterable attributes and no personal data', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm1' });
    const publisher = snsOfferPublisher(client, 'arn:aws:sns:eu-west-3:123456789012:offers');
    await publishOffer({ publisher, clock: { now: () => new Date() } }, offer);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: 'arn:aws:sns:eu-west-3:123456789012:offers',
      MessageAttributes: {
        eventType: { DataType: 'String', StringValue: 'OfferPublished' },
        sector: { DataType: 'String', StringValue: 'aeronautics' },
        epci: { DataType: 'String', StringValue: '200067254' },
        occupationDomain: { DataType: 'String', StringValue: 'H29' },
        channel: { DataType: 'String', StringValue: 'sms' },
      },
    });
    const message = sns.commandCalls(PublishCommand)[0]?.args[0].input.Message ?? '';
    const event = offerPublishedV1.parse(JSON.parse(message));
    expect(event).toEqual(
      offerPublishedV1.parse(JSON.parse(readFileSync('events/samples/offer-published.json', 'utf8'))),
    );
    expect(message).not.toContain('lea');
  });

  it('lets a throttling error through, so the stream retries the record', async () => {
    sns.on(PublishCommand).rejects(new ThrottledException({ message: 'slow down', $metadata: {} }));
    const publisher = snsOfferPublisher(client, 'arn:topic');
    await expect(publishOffer({ publisher, clock: { now: () => new Date() } }, offer)).rejects.toThrow(
      'slow down',
    );
  });
});

describe('message sender', () => {
  it('sends transactional SMS from "Bassin" and push to the endpoint', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm2' });
    const sender = snsMessageSender(client);
    await sender.sms('+33612345678', 'Bassin : …', 'ref', 'lea');
    await sender.push(
      'arn:aws:sns:eu-west-3:123456789012:endpoint/GCM/bassin/abc',
      'Bassin : …',
      'ref',
      'lea',
    );
    expect(sns).toHaveReceivedNthCommandWith(PublishCommand, 1, {
      PhoneNumber: '+33612345678',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'Bassin' },
      },
    });
    expect(sns).toHaveReceivedNthCommandWith(PublishCommand, 2, {
      TargetArn: 'arn:aws:sns:eu-west-3:123456789012:endpoint/GCM/bassin/abc',
    });
  });
});

describe('device registry', () => {
  it('creates an SNS platform endpoint for the platform’s application', async () => {
    sns.on(CreatePlatformEndpointCommand).resolves({ EndpointArn: 'arn:endpoint/1' });
    const table = { doc: documentClient(new DynamoDBClient({ region: 'eu-west-3' })), tableName: 'bassin' };
    const registry = deviceRegistry(table, { client, applications: { android: 'arn:app/GCM/bassin' } });
    expect(await registry.register('lea', 'android', 'fcm-token')).toBe('arn:endpoint/1');
    expect(sns).toHaveReceivedCommandWith(CreatePlatformEndpointCommand, {
      PlatformApplicationArn: 'arn:app/GCM/bassin',
      Token: 'fcm-token',
    });
    expect(await registry.register('lea', 'ios', 'apns-token')).toMatch(/^local:ios:/);
  });
});

describe('device registry erasure', () => {
  it('deletes the person’s platform endpoints at SNS', async () => {
    sns.on(DeleteEndpointCommand).resolves({});
    const ddb = mockClient(DynamoDBDocumentClient);
    ddb.on(QueryCommand).resolves({
      Items: [
        {
          PK: 'SEEKER#lea',
          SK: 'DEVICE#1',
          entity: 'Device',
          id: '1',
          platform: 'android',
          endpoint: 'arn:endpoint/1',
          createdAt: 'x',
        },
        {
          PK: 'SEEKER#lea',
          SK: 'DEVICE#2',
          entity: 'Device',
          id: '2',
          platform: 'ios',
          endpoint: 'local:ios:2',
          createdAt: 'y',
        },
      ],
    });
    const table = { doc: documentClient(new DynamoDBClient({ region: 'eu-west-3' })), tableName: 'bassin' };
    await deviceRegistry(table, { client, applications: {} }).forgetAll('lea');
    expect(sns).toHaveReceivedCommandTimes(DeleteEndpointCommand, 1);
    expect(sns).toHaveReceivedCommandWith(DeleteEndpointCommand, { EndpointArn: 'arn:endpoint/1' });
    ddb.restore();
  });
});

describe('unsubscribe tokens', () => {
  it('name the seeker and cannot be forged', () => {
    const token = unsubscribeToken('lea', 'secret');
    expect(seekerOfUnsubscribeToken(token, 'secret')).toBe('lea');
    expect(seekerOfUnsubscribeToken(token, 'other-secret')).toBeUndefined();
    const tampered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    expect(seekerOfUnsubscribeToken(tampered, 'secret')).toBeUndefined();
    expect(seekerOfUnsubscribeToken('garbage', 'secret')).toBeUndefined();
    expect(seekerOfUnsubscribeToken('', 'secret')).toBeUndefined();
    expect(seekerOfUnsubscribeToken(`${token}x`, 'secret')).toBeUndefined();
  });

  it('are opaque: the seeker id cannot be read from them, and each message carries another one', () => {
    const id = 'f3a1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b';
    const [first, second] = [unsubscribeToken(id, 'secret'), unsubscribeToken(id, 'secret')];
    expect(first).not.toBe(second);
    expect(first).toMatch(/^[\w-]+$/);
    for (const decoded of [Buffer.from(first, 'base64url').toString('latin1'), first])
      expect(decoded).not.toContain(id.slice(0, 8));
    expect(first).not.toContain(Buffer.from(id).toString('base64url').slice(0, 8));
    expect(seekerOfUnsubscribeToken(second, 'secret')).toBe(id);
  });

  it('still honours links sent before tokens were opaque', () => {
    const mac = createHmac('sha256', 'secret').update('unsubscribe:lea').digest('base64url').slice(0, 32);
    expect(seekerOfUnsubscribeToken(`${Buffer.from('lea').toString('base64url')}.${mac}`, 'secret')).toBe(
      'lea',
    );
    expect(
      seekerOfUnsubscribeToken(`${Buffer.from('tom').toString('base64url')}.${mac}`, 'secret'),
    ).toBeUndefined();
  });
});
