import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { OfferPublisher } from '../../ports/notifications';

/** Publishes offer events to the `offers` topic, attributes as SNS String attributes for filter policies. */
export function snsOfferPublisher(client: SNSClient, topicArn: string): OfferPublisher {
  return {
    async publish(event, attributes) {
      await client.send(
        new PublishCommand({
          TopicArn: topicArn,
          Message: JSON.stringify(event),
          MessageAttributes: Object.fromEntries(
            Object.entries(attributes).map(([name, value]) => [
              name,
              { DataType: 'String', StringValue: value },
            ]),
          ),
        }),
      );
    },
  };
}
