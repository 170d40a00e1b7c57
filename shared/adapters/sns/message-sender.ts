import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { MessageSender } from '../../ports/notifications';

/** SMS (transactional, sender id "Bassin") and mobile push through Amazon SNS. */
export function snsMessageSender(client: SNSClient): MessageSender {
  return {
    async sms(phone, text) {
      await client.send(
        new PublishCommand({
          PhoneNumber: phone,
          Message: text,
          MessageAttributes: {
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
            'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'Bassin' },
          },
        }),
      );
    },
    async push(endpoint, text) {
      await client.send(new PublishCommand({ TargetArn: endpoint, Message: text }));
    },
  };
}
