import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { buildApp } from 'fauxqs';
import type { QueueConsumerEntry } from '../consumers';
import { localContext } from './change-feed';
import { loadHandler } from './load-handler';

type QueueHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | undefined>;

const region = 'eu-west-3';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

interface Lane {
  consumer: QueueConsumerEntry;
  queueUrl: string;
  queueArn: string;
  queueName: string;
  dlqUrl: string;
  dlqName: string;
  busy: boolean;
}

/**
 * SNS and SQS for the local runtime (fauxqs, in memory): the offers topic, one queue per
 * queue consumer subscribed with its filter policy (raw delivery) and a dead-letter queue
 * after `maxReceiveCount` receives, and a poller per queue that invokes the consumer the
 * way Lambda's SQS event source does: batches, visibility timeout, partial batch failures,
 * and a growing delay before a failed message is seen again.
 */
export async function startLocalMessaging(options: {
  consumers: QueueConsumerEntry[];
  /** Seconds before a failed message is retried: base × 2^(receives − 1). */
  retryBaseSeconds?: number;
  log: (message: string, detail?: Record<string, unknown>) => void;
}) {
  const server = await startLoopbackFauxqs();
  const endpoint = `http://127.0.0.1:${server.port}`;
  const sns = new SNSClient({ endpoint, region, credentials });
  const sqs = new SQSClient({ endpoint, region, credentials, useQueueUrlAsEndpoint: false });
  const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'bassin-offers' }));
  if (!TopicArn) throw new Error('fauxqs created no topic');

  const lanes: Lane[] = [];
  for (const consumer of options.consumers) {
    const dlqName = `bassin-${consumer.name}-dead-letters`;
    const queueName = `bassin-${consumer.name}`;
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: dlqName }));
    const dlqArn = await queueArn(sqs, dlq.QueueUrl);
    const queue = await sqs.send(
      new CreateQueueCommand({
        QueueName: queueName,
        Attributes: {
          VisibilityTimeout: '30',
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: dlqArn,
            maxReceiveCount: consumer.maxReceiveCount,
          }),
        },
      }),
    );
    const arn = await queueArn(sqs, queue.QueueUrl);
    await sns.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: arn,
        Attributes: { RawMessageDelivery: 'true', FilterPolicy: JSON.stringify(consumer.filterPolicy) },
      }),
    );
    lanes.push({
      consumer,
      queueUrl: queue.QueueUrl as string,
      queueArn: arn,
      queueName,
      dlqUrl: dlq.QueueUrl as string,
      dlqName,
      busy: false,
    });
  }

  let running = true;
  const loops = lanes.map(async (lane) => {
    const handler = await loadHandler<QueueHandler>(lane.consumer.entry);
    while (running) {
      const { Messages } = await sqs
        .send(
          new ReceiveMessageCommand({
            QueueUrl: lane.queueUrl,
            MaxNumberOfMessages: lane.consumer.batchSize,
            WaitTimeSeconds: 1,
            MessageSystemAttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        )
        .catch(() => ({ Messages: undefined }));
      if (!Messages?.length) continue;
      lane.busy = true;
      try {
        await invoke(lane, handler, Messages);
      } finally {
        lane.busy = false;
      }
    }
  });

  async function invoke(lane: Lane, handler: QueueHandler, messages: Message[]) {
    const event: SQSEvent = { Records: messages.map((m) => toRecord(m, lane.queueArn)) };
    let failed = new Set<string>();
    try {
      const response = await handler(event, localContext(lane.consumer.name));
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      options.log('queue consumer threw', { consumer: lane.consumer.name, error: String(error) });
      failed = new Set(messages.map((m) => m.MessageId ?? ''));
    }
    const done = messages.filter((m) => !failed.has(m.MessageId ?? ''));
    if (done.length) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: lane.queueUrl,
          Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
        }),
      );
    }
    for (const message of messages.filter((m) => failed.has(m.MessageId ?? ''))) {
      const receives = Number(message.Attributes?.ApproximateReceiveCount ?? 1);
      const delay = Math.min(900, Math.round((options.retryBaseSeconds ?? 2) * 2 ** (receives - 1)));
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: lane.queueUrl,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: delay,
        }),
      );
    }
  }

  const inspect = server.inspectQueue;

  return {
    endpoint,
    topicArn: TopicArn,
    /** True when no queue holds a message that will be delivered again, and no invocation runs. */
    async idle() {
      for (const lane of lanes) {
        const messages = await inspect(lane.queueName);
        if (lane.busy || messages?.ready.length || messages?.inflight.length || messages?.delayed.length)
          return false;
      }
      return true;
    },
    async deadLetters() {
      const letters: { consumer: string; messageId: string; body: unknown }[] = [];
      for (const lane of lanes) {
        const messages = await inspect(lane.dlqName);
        for (const message of [
          ...(messages?.ready ?? []),
          ...(messages?.inflight ?? []).map((i) => i.message),
        ])
          letters.push({
            consumer: lane.consumer.name,
            messageId: message.messageId,
            body: safeJson(message.body),
          });
      }
      return letters;
    },
    /** Moves every dead letter back to its queue, for another round of delivery. */
    async redrive() {
      let moved = 0;
      for (const lane of lanes) {
        for (;;) {
          const { Messages } = await sqs.send(
            new ReceiveMessageCommand({
              QueueUrl: lane.dlqUrl,
              MaxNumberOfMessages: 10,
              VisibilityTimeout: 30,
            }),
          );
          if (!Messages?.length) break;
          for (const message of Messages) {
            await sqs.send(
              new SendMessageCommand({ QueueUrl: lane.queueUrl, MessageBody: message.Body ?? '' }),
            );
            await sqs.send(
              new DeleteMessageCommand({ QueueUrl: lane.dlqUrl, ReceiptHandle: message.ReceiptHandle }),
            );
            moved++;
          }
        }
      }
      return moved;
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      sns.destroy();
      sqs.destroy();
      await server.stop();
    },
  };
}

async function queueArn(sqs: SQSClient, queueUrl: string | undefined): Promise<string> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  if (!Attributes?.QueueArn) throw new Error(`no ARN for ${queueUrl}`);
  return Attributes.QueueArn;
}

function toRecord(message: Message, queueArn: string): SQSEvent['Records'][number] {
  return {
    messageId: message.MessageId ?? randomUUID(),
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: message.Attributes?.ApproximateReceiveCount ?? '1',
      SentTimestamp: message.Attributes?.SentTimestamp ?? String(Date.now()),
      SenderId: message.Attributes?.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp:
        message.Attributes?.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        {
          dataType: value.DataType ?? 'String',
          stringValue: value.StringValue,
          stringListValues: [],
          binaryListValues: [],
        },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

interface QueueMessages {
  ready: { messageId: string; body: string }[];
  delayed: { messageId: string; body: string }[];
  inflight: { message: { messageId: string; body: string } }[];
}

/**
 * fauxqs's own `startFauxqs` listens on 0.0.0.0 whatever host it is given (dist/app.js),
 * and accepts any credentials: anyone on the network could read or delete the queues. So
 * the runtime builds fauxqs's app and listens itself, on the loopback interface only.
 */
async function startLoopbackFauxqs() {
  const app = buildApp({ logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    port,
    /** fauxqs's inspection route, called in process (no socket). */
    async inspectQueue(name: string): Promise<QueueMessages | undefined> {
      const answer = await app.inject({ method: 'GET', url: `/_fauxqs/queues/${encodeURIComponent(name)}` });
      return answer.statusCode === 200 ? (answer.json() as { messages: QueueMessages }).messages : undefined;
    },
    stop: () => app.close(),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
