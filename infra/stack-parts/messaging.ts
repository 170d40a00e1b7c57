import { Duration, type Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SqsSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { WaveSettings } from '../../shared/domain/notifications/waves-settings';
import type { QueueConsumerEntry } from '../consumers';
import type { BassinFunction } from '../function';
import type { Operations } from './operations';
import { writeNeedSettings } from './settings';

export interface OffersConfig {
  /** Matches scoring at least this are offered (default: defaultNotifyThreshold). */
  notifyThreshold: number;
  /** Base of the links in messages (default: the API URL). */
  publicUrl?: string;
  /** SNS platform application ARNs for push. */
  pushApplications?: Partial<Record<'android' | 'ios', string>>;
  /** How this territory paces its offers (default: defaultWaveSettings). */
  waves?: Partial<WaveSettings>;
}

export interface PartnerSubscription {
  protocol: 'https' | 'email';
  endpoint: string;
  filterPolicy: Record<string, string[]>;
}

/** The offers topic, its queue consumers and partner subscriptions, the unsubscribe key, push devices. */
export class Messaging {
  readonly offersTopic: Topic;
  readonly unsubscribeSecret: Secret;

  constructor(
    private readonly stack: Stack,
    private readonly operations: Operations,
    private readonly config: OffersConfig,
  ) {
    this.offersTopic = new Topic(stack, 'Offers', { displayName: 'Bassin offers', enforceSSL: true });
    this.unsubscribeSecret = new Secret(stack, 'UnsubscribeSecret', {
      description: 'HMAC key of the one-click unsubscribe links in offers',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.unsubscribeSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the HMAC key would break the unsubscribe links in messages already sent; rotate by hand with a grace period.',
    });
  }

  /** Publishing offers: the topic, the unsubscribe key, the threshold and the links' base. */
  grantOffers(fn: BassinFunction, apiUrl: string) {
    writeNeedSettings(fn, 'offers', {
      offersTopicArn: this.offersTopic.topicArn,
      unsubscribeSecretArn: this.unsubscribeSecret.secretArn,
      notifyThreshold: String(this.config.notifyThreshold),
      publicUrl: this.config.publicUrl ?? apiUrl,
      offerWaveFactor: optionalNumber(this.config.waves?.factor),
      offerCollectionMinutes: optionalNumber(this.config.waves?.collectionMinutes),
      offerNextWaveHours: optionalNumber(this.config.waves?.nextWaveHours),
    });
    this.offersTopic.grantPublish(fn);
    this.unsubscribeSecret.grantRead(fn);
  }

  /** Push devices: the platform applications, and creating and deleting their endpoints. */
  grantDevices(fn: BassinFunction) {
    const { android, ios } = this.config.pushApplications ?? {};
    writeNeedSettings(fn, 'devices', { pushApplicationAndroid: android, pushApplicationIos: ios });
    const applications = Object.entries(this.config.pushApplications ?? {});
    if (applications.length === 0) return;
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['sns:CreatePlatformEndpoint'],
        resources: applications.map(([, arn]) => arn),
      }),
    );
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['sns:DeleteEndpoint'],
        // Endpoints of an application live under arn:…:endpoint/<platform>/<application name>/<id>.
        resources: applications.map(([, arn]) => `${arn.replace(':app/', ':endpoint/')}/*`),
      }),
    );
  }

  /** SMS are published to phone numbers, which have no ARN: SNS requires "*" here. */
  grantSendMessages(fn: BassinFunction) {
    fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
  }

  /** A queue on the offers topic (its filter policy selecting) feeding one function. */
  addQueueConsumer(consumer: QueueConsumerEntry, fn: BassinFunction) {
    const deadLetters = this.operations.deadLetterQueue(`${consumer.name}DeadLetters`);
    const queue = new Queue(this.stack, `${consumer.name}Queue`, {
      // Six times the function timeout, as Lambda's SQS event source recommends.
      visibilityTimeout: Duration.seconds(180),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: consumer.maxReceiveCount },
    });
    this.offersTopic.addSubscription(
      new SqsSubscription(queue, {
        rawMessageDelivery: true,
        filterPolicy: filterPolicyOf(consumer.filterPolicy),
        deadLetterQueue: deadLetters,
      }),
    );
    fn.addEventSource(
      new SqsEventSource(queue, { batchSize: consumer.batchSize, reportBatchItemFailures: true }),
    );
  }

  /** Partners (job centres, local missions, training bodies) receive the offers their filter policy selects. */
  addPartner(partner: PartnerSubscription, index: number) {
    const deadLetters = this.operations.deadLetterQueue(`Partner${index}DeadLetters`);
    const options = { filterPolicy: filterPolicyOf(partner.filterPolicy), deadLetterQueue: deadLetters };
    const subscription =
      partner.protocol === 'https'
        ? new UrlSubscription(partner.endpoint, { ...options, rawMessageDelivery: true })
        : new EmailSubscription(partner.endpoint, options);
    this.offersTopic.addSubscription(subscription);
  }
}

function filterPolicyOf(policy: Record<string, string[]>) {
  return Object.fromEntries(
    Object.entries(policy).map(([name, values]) => [
      name,
      SubscriptionFilter.stringFilter({ allowlist: values }),
    ]),
  );
}

const optionalNumber = (value: number | undefined) => (value === undefined ? undefined : String(value));
