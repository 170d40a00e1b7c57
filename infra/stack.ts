import { resolve } from 'node:path';
import { type CfnElement, CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { defaultNotifyThreshold } from '../shared/adapters/configuration';
import { groups } from '../shared/http/route-contract';
import { resourceServer } from '../shared/http/scopes';
import { queueConsumers, type StreamConsumerEntry, scheduledJobs, streamConsumers } from './consumers';
import { type RouteEntry, routes } from './routes';
import { Api } from './stack-parts/api';
import { Data } from './stack-parts/data';
import { Identity } from './stack-parts/identity';
import { Messaging, type OffersConfig, type PartnerSubscription } from './stack-parts/messaging';
import { Operations } from './stack-parts/operations';
import { Workers } from './stack-parts/workers';
import { WebHosting } from './web-hosting';

export type { OffersConfig, PartnerSubscription };

export interface BassinStackProps extends StackProps {
  /** Keep the table from being deleted by accident (default true). */
  deletionProtection?: boolean;
  /** Defaults to the project's route and consumer tables; tests may pass others. */
  routes?: RouteEntry[];
  consumers?: readonly StreamConsumerEntry[];
  /** Commute times: the offline estimator (default) or Amazon Location Service, cached in the table. */
  travelTime?: 'estimator' | 'amazon-location';
  /** Public transport hours for the estimator, e.g. "6-21" (the default). */
  transitServiceHours?: string;
  offers?: OffersConfig;
  /** OAuth redirect URLs of the web app (authorization code + PKCE). */
  callbackUrls?: string[];
  /** Origin of the web app allowed to call the API from browsers, e.g. https://bassin.example. */
  webOrigin?: string;
  /** The web app on S3 + CloudFront (default: web/dist); false to deploy the API alone. */
  web?: { distDir?: string } | false;
  /** Map tiles for the web app ({z}/{x}/{y}); without it the maps are drawn from coordinates alone. */
  mapTileUrl?: string;
  /** Prefix of the Cognito hosted sign-in domain (globally unique); derived from the stack by default. */
  signInDomainPrefix?: string;
  /** Partner subscriptions to the offers topic (≤ 5 filter keys each). */
  partners?: PartnerSubscription[];
  /** Where the scheduled import finds GTFS zips: an existing bucket, else one the stack creates; prefix default `gtfs/`. */
  timetables?: { bucket?: string; prefix?: string };
}

/**
 * Bassin in one stack, put together from its parts (infra/stack-parts/): data (table,
 * timetables bucket), identity, the API and its routes, messaging (offers topic, queue
 * consumers, partners), workers (stream consumers, scheduled jobs, grants), operations
 * (alarms, dead-letter queues, functions) and the web app (web-hosting.ts).
 */
export class BassinStack extends Stack {
  web: WebHosting | undefined;
  readonly table: TableV2;
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly offersTopic: Topic;
  readonly alarmTopic: Topic;
  readonly unsubscribeSecret: Secret;
  /** The bucket and prefix the scheduled timetable import reads. */
  readonly timetables: { bucket: IBucket; prefix: string };

  constructor(scope: Construct, id: string, props: BassinStackProps = {}) {
    super(scope, id, props);
    const protect = props.deletionProtection ?? true;
    const data = new Data(this, { protect, ...(props.timetables ? { timetables: props.timetables } : {}) });
    const operations = new Operations(this);
    const identity = new Identity(this, operations, protect);
    const api = new Api(this, operations);
    this.web =
      props.web === false
        ? undefined
        : new WebHosting(this, 'Web', {
            api: api.api,
            distDir: resolve(props.web?.distDir ?? 'web/dist'),
            deletionProtection: protect,
          });
    const appUrls = [
      ...(props.callbackUrls ?? ['http://localhost:3000/']),
      ...(this.web ? [this.web.url] : []),
    ];
    const signIn = identity.signIn(appUrls, props.signInDomainPrefix);
    const messaging = new Messaging(
      this,
      operations,
      props.offers ?? { notifyThreshold: defaultNotifyThreshold },
    );
    const workers = new Workers(this, {
      data,
      messaging,
      operations,
      travelTime: props.travelTime ?? 'estimator',
      transitServiceHours: props.transitServiceHours ?? '6-21',
      apiUrl: api.api.apiEndpoint,
    });
    this.table = data.table;
    this.timetables = data.timetables;
    this.api = api.api;
    this.userPool = identity.userPool;
    this.offersTopic = messaging.offersTopic;
    this.alarmTopic = operations.alarmTopic;
    this.unsubscribeSecret = messaging.unsubscribeSecret;

    const routeTable = props.routes ?? routes;
    api.configureStage(routeTable);
    // The browser origin allowed to call the API: the web app's, else the API's own (no cross-origin calls).
    const allowedOrigin = props.webOrigin ?? api.api.apiEndpoint;
    for (const route of routeTable)
      api.addRoute(route, { authorizer: signIn.authorizer, allowedOrigin, workers });
    for (const consumer of props.consumers ?? streamConsumers) workers.addStreamConsumer(consumer);
    for (const consumer of queueConsumers) workers.addQueueConsumer(consumer);
    for (const job of scheduledJobs) workers.addScheduledJob(job);
    for (const [i, partner] of (props.partners ?? []).entries()) messaging.addPartner(partner, i);

    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'Functions use AWSLambdaBasicExecutionRole for their own log groups, the standard minimal Lambda logging policy.',
    });
    Validations.of(this).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.table.node.defaultChild as CfnElement)}.Arn>/index/*]`,
      reason:
        "DynamoDB grants cover the table's own indexes (table/index/*), which the access patterns query.",
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray tracing needs "*", and SMS to phone numbers can only be granted on "*"; every other grant names its resource.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Functions run on nodejs22.x, the runtime the project tests against (DEVELOPERS.md); moved deliberately, not by default.',
    });

    this.web?.publish({
      region: this.region,
      ...(props.mapTileUrl ? { tileUrl: props.mapTileUrl } : {}),
      signIn: {
        domain: signIn.domain.baseUrl(),
        // The ID token's issuer, checked by the web app's OpenID Connect client.
        issuer: this.userPool.userPoolProviderUrl,
        clientId: signIn.client.userPoolClientId,
        scopes: ['openid', ...groups.map((group) => `${resourceServer}/${group}`)],
      },
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: signIn.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
