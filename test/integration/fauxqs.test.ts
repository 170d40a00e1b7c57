import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startFauxqs } from 'fauxqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snsOfferPublisher } from '../../shared/adapters/sns/offer-publisher';
import { publishOffer } from '../../shared/domain/notifications/offers';
import type { Offer } from '../../shared/domain/offer';

let server: Awaited<ReturnType<typeof startFauxqs>>;
let sns: SNSClient;
let sqs: SQSClient;
beforeAll(async () => {
  server = await startFauxqs({ port: 0, logger: false, host: '127.0.0.1' });
  const endpoint = `http://127.0.0.1:${server.port}`;
  const config = { endpoint, region: 'eu-west-3', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } };
  sns = new SNSClient(config);
  sqs = new SQSClient({ ...config, useQueueUrlAsEndpoint: false });
});
afterAll(() => server.stop());

async function subscribedQueue(topicArn: string, name: string, filterPolicy: object) {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true', FilterPolicy: JSON.stringify(filterPolicy) },
    }),
  );
  return QueueUrl as string;
}

const offer = (epci: string, channel: 'sms' | 'push'): Offer => ({
  id: `offer-${epci}-${channel}`,
  vacancyId: 'v1',
  seekerId: 'lea',
  channel,
  status: 'pending',
  score: 80,
  vacancy: {
    title: 'Soudeur TIG',
    sector: 'aeronautics',
    occupation: 'H2913',
    commune: { code: '64335', name: 'Lescar' },
    epci,
  },
  commute: { mode: 'car', minutes: 17 },
  createdAt: '2026-11-26T08:00:00.000Z',
  updatedAt: '2026-11-26T08:00:00.000Z',
});

describe('offers topic on fauxqs', () => {
  it('routes each offer to the queues whose filter policy selects it, and to no other', async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'offers-filter-test' }));
    const deliverer = await subscribedQueue(TopicArn as string, 'deliverer', {
      eventType: ['OfferPublished'],
      channel: ['sms', 'push'],
    });
    // A partner that only wants the Pau agglomeration's aeronautics offers.
    const partner = await subscribedQueue(TopicArn as string, 'partner-pau', {
      epci: ['200067254'],
      sector: ['aeronautics'],
    });
    const tarbesOnly = await subscribedQueue(TopicArn as string, 'partner-tarbes', { epci: ['200069300'] });
    const publisher = snsOfferPublisher(sns, TopicArn as string);
    await publishOffer({ publisher, clock: { now: () => new Date() } }, offer('200067254', 'sms'));
    await publishOffer({ publisher, clock: { now: () => new Date() } }, offer('200039022', 'push'));

    const receive = async (url: string) =>
      (
        await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
        )
      ).Messages ?? [];
    const ids = async (url: string) => (await receive(url)).map((m) => JSON.parse(m.Body ?? '{}').id).sort();
    expect(await ids(deliverer)).toEqual(['offer-200039022-push', 'offer-200067254-sms']);
    expect(await ids(partner)).toEqual(['offer-200067254-sms']);
    expect(await receive(tarbesOnly)).toEqual([]);
  });
});
