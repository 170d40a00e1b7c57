import { resolve } from 'node:path';
import {
  type CfnElement,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  UserPool,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, SqsSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { tableDesign } from '../shared/adapters/dynamodb/table-design';
import { defaultThrottle, groups } from '../shared/http/route-contract';
import { resourceServer, routeScopes } from '../shared/http/scopes';
import {
  type Need,
  type QueueConsumerEntry,
  queueConsumers,
  type ScheduledJobEntry,
  type StreamConsumerEntry,
  scheduledJobs,
  streamConsumers,
  streamConsumerTimeoutSeconds,
} from './consumers';
import { BassinFunction, type BassinFunctionProps } from './function';
import { type RouteEntry, routes } from './routes';
import { WebHosting } from './web-hosting';

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

export interface OffersConfig {
  /** Matches scoring at least this are offered (default 60). */
  notifyThreshold: number;
  /** Base of the links in messages (default: the API URL). */
  publicUrl?: string;
  /** SNS platform application ARNs for push. */
  pushApplications?: Partial<Record<'android' | 'ios', string>>;
}

export interface PartnerSubscription {
  protocol: 'https' | 'email';
  endpoint: string;
  filterPolicy: Record<string, string[]>;
}

/** Bassin in one stack: table, identity, API, functions, stream consumers, offers topic. */
export class BassinStack extends Stack {
  web: WebHosting | undefined;
  readonly table: TableV2;
  readonly api: HttpApi;
  readonly userPool: UserPool;
  readonly offersTopic: Topic;
  readonly alarmTopic: Topic;

  readonly unsubscribeSecret: Secret;
  private readonly offersConfig: OffersConfig;
  /** The browser origin allowed to call the API: the web app's, else the API's own (no cross-origin calls). */
  private allowedOrigin = '';
  private readonly travelTime: 'estimator' | 'amazon-location';
  private readonly transitServiceHours: string;
  /** The bucket and prefix the scheduled timetable import reads. */
  readonly timetables: { bucket: IBucket; prefix: string };

  constructor(scope: Construct, id: string, props: BassinStackProps = {}) {
    super(scope, id, props);
    const protect = props.deletionProtection ?? true;
    this.travelTime = props.travelTime ?? 'estimator';
    this.transitServiceHours = props.transitServiceHours ?? '6-21';
    this.offersConfig = props.offers ?? { notifyThreshold: 60 };
    this.timetables = {
      bucket: props.timetables?.bucket
        ? Bucket.fromBucketName(this, 'Timetables', props.timetables.bucket)
        : this.timetablesBucket(protect),
      prefix: props.timetables?.prefix ?? 'gtfs/',
    };
    this.alarmTopic = new Topic(this, 'Alarms', {
      displayName: 'Bassin operations alarms',
      enforceSSL: true,
    });

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: tableDesign.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDesign.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: tableDesign.timeToLiveAttribute,
      deletionProtection: protect,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: tableDesign.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
    });

    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Essentials: access-token customisation (the pre-token trigger that maps groups to scopes).
      featurePlan: FeaturePlan.ESSENTIALS,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is offered (TOTP) but not required: job seekers sign in from shared or basic phones; employer and planner accounts are created by admins, who can require it per user.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is a paid option left to each territory; compromised-credential checks are on in Essentials.',
    });
    for (const group of groups) {
      new CfnUserPoolGroup(this, `Group-${group}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
      });
    }
    // One OAuth scope per group; a pre-token trigger grants each user the scopes of their groups.
    const api = this.userPool.addResourceServer('ApiScopes', {
      identifier: resourceServer,
      scopes: groups.map(
        (group) => new ResourceServerScope({ scopeName: group, scopeDescription: `Routes for ${group}s` }),
      ),
    });
    const preToken = this.newFunction('preTokenGeneration', {
      entry: 'functions/auth/pre-token-generation.ts',
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preToken, LambdaVersion.V2_0);
    this.api = new HttpApi(this, 'Api', { description: 'Bassin HTTP API' });
    this.web =
      props.web === false
        ? undefined
        : new WebHosting(this, 'Web', {
            api: this.api,
            distDir: resolve(props.web?.distDir ?? 'web/dist'),
            deletionProtection: protect,
          });
    // The hosted sign-in pages (authorization code + PKCE from the web app).
    const signIn = this.userPool.addDomain('SignIn', {
      cognitoDomain: { domainPrefix: props.signInDomainPrefix ?? `bassin-${this.node.addr.slice(0, 12)}` },
    });
    const appUrls = [
      ...(props.callbackUrls ?? ['http://localhost:3000/']),
      ...(this.web ? [this.web.url] : []),
    ];
    const client = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      accessTokenValidity: Duration.hours(1),
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [
          OAuthScope.OPENID,
          ...groups.map((group) =>
            OAuthScope.resourceServer(
              api,
              new ResourceServerScope({ scopeName: group, scopeDescription: group }),
            ),
          ),
        ],
        callbackUrls: appUrls,
        logoutUrls: appUrls,
      },
    });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', this.userPool, { userPoolClients: [client] });

    this.offersTopic = new Topic(this, 'Offers', { displayName: 'Bassin offers', enforceSSL: true });
    this.unsubscribeSecret = new Secret(this, 'UnsubscribeSecret', {
      description: 'HMAC key of the one-click unsubscribe links in offers',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(this.unsubscribeSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the HMAC key would break the unsubscribe links in messages already sent; rotate by hand with a grace period.',
    });

    // Route throttling: a default for every route, tighter where a request creates data.
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
    // Who called what, when, with which status: no bodies, no tokens, no query strings.
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        time: '$context.requestTime',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latencyMs: '$context.responseLatency',
        caller: '$context.authorizer.claims.sub',
        sourceIp: '$context.identity.sourceIp',
      }),
    };
    stage.defaultRouteSettings = {
      throttlingRateLimit: defaultThrottle.rate,
      throttlingBurstLimit: defaultThrottle.burst,
    };
    // RouteSettings is raw JSON in CloudFormation: its keys are written as CloudFormation spells them.
    stage.routeSettings = Object.fromEntries(
      (props.routes ?? routes)
        .filter(({ contract }) => contract.throttle)
        .map(({ contract }) => [
          `${contract.method} ${contract.path}`,
          { ThrottlingRateLimit: contract.throttle?.rate, ThrottlingBurstLimit: contract.throttle?.burst },
        ]),
    );
    this.allowedOrigin = props.webOrigin ?? this.api.apiEndpoint;
    this.alarm('Api5xx', this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }), 5);
    for (const route of props.routes ?? routes) this.addRoute(route, authorizer);

    for (const consumer of props.consumers ?? streamConsumers) this.addStreamConsumer(consumer);
    for (const consumer of queueConsumers) this.addQueueConsumer(consumer);
    for (const job of scheduledJobs) this.addScheduledJob(job);
    for (const [i, partner] of (props.partners ?? []).entries()) this.addPartner(partner, i);

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
        domain: signIn.baseUrl(),
        // The ID token's issuer, checked by the web app's OpenID Connect client.
        issuer: this.userPool.userPoolProviderUrl,
        clientId: client.userPoolClientId,
        scopes: ['openid', ...groups.map((group) => `${resourceServer}/${group}`)],
      },
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }

  private addRoute({ contract, entry, data, needs }: RouteEntry, authorizer: IHttpRouteAuthorizer) {
    const fn = this.newFunction(contract.operationId, {
      entry,
      environment: {
        ALLOWED_ORIGIN: this.allowedOrigin,
        ...(data === 'none' ? {} : { TABLE_NAME: this.table.tableName }),
      },
    });
    if (data === 'read') this.table.grantReadData(fn);
    if (data === 'write') this.table.grantReadWriteData(fn);
    this.grantNeeds(fn, needs);
    const [route] = this.api.addRoutes({
      path: contract.path,
      methods: [HttpMethod[contract.method]],
      integration: new HttpLambdaIntegration(`${contract.operationId}Integration`, fn),
      ...(contract.access === 'public' ? {} : { authorizer, authorizationScopes: routeScopes(contract) }),
    });
    if (contract.access === 'public' && route) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${contract.method} ${contract.path} is public by design (${contract.summary}); it reads or changes nothing personal without a valid signed token.`,
      });
    }
  }

  private addStreamConsumer({
    name,
    entry,
    batchSize,
    entities,
    parallelization,
    needs,
  }: StreamConsumerEntry) {
    const fn = this.backgroundFunction(name, entry, Duration.seconds(streamConsumerTimeoutSeconds), needs);
    // A stream consumer falling behind (records waiting over 5 minutes).
    this.alarm(
      `${name}IteratorAge`,
      fn.metric('IteratorAge', { statistic: 'Maximum', period: Duration.minutes(5) }),
      300_000,
    );
    const failures = this.deadLetterQueue(`${name}StreamFailures`);
    const names = entities.map((kind) => kind.name);
    fn.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize,
        parallelizationFactor: parallelization,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(failures),
        filters: [
          FilterCriteria.filter({ dynamodb: { NewImage: { entity: { S: FilterRule.or(...names) } } } }),
          FilterCriteria.filter({ dynamodb: { OldImage: { entity: { S: FilterRule.or(...names) } } } }),
        ],
      }),
    );
  }

  /** Push devices: the platform applications, and creating and deleting their endpoints. */
  private grantDevices(fn: BassinFunction) {
    const applications = Object.entries(this.offersConfig.pushApplications ?? {});
    for (const [platform, arn] of applications)
      fn.addEnvironment(`PUSH_APPLICATION_${platform.toUpperCase()}`, arn);
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

  private grantOffers(fn: BassinFunction) {
    fn.addEnvironment('OFFERS_TOPIC_ARN', this.offersTopic.topicArn);
    fn.addEnvironment('UNSUBSCRIBE_SECRET_ARN', this.unsubscribeSecret.secretArn);
    fn.addEnvironment('NOTIFY_THRESHOLD', String(this.offersConfig.notifyThreshold));
    fn.addEnvironment('PUBLIC_URL', this.offersConfig.publicUrl ?? this.api.apiEndpoint);
    this.offersTopic.grantPublish(fn);
    this.unsubscribeSecret.grantRead(fn);
  }

  private addQueueConsumer(consumer: QueueConsumerEntry) {
    const fn = this.backgroundFunction(consumer.name, consumer.entry, Duration.seconds(30), consumer.needs);
    const deadLetters = this.deadLetterQueue(`${consumer.name}DeadLetters`);
    const queue = new Queue(this, `${consumer.name}Queue`, {
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

  private addScheduledJob(job: ScheduledJobEntry) {
    const fn = this.backgroundFunction(
      job.name,
      job.entry,
      Duration.seconds(job.timeoutSeconds ?? 120),
      job.needs,
      job.memoryMb,
    );
    const failures = this.deadLetterQueue(`${job.name}Failures`);
    new Rule(this, `${job.name}Schedule`, {
      schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
      targets: [new LambdaFunction(fn, { retryAttempts: 2, deadLetterQueue: failures })],
    });
  }

  /** Partners (job centres, local missions, training bodies) receive the offers their filter policy selects. */
  private addPartner(partner: PartnerSubscription, index: number) {
    const deadLetters = this.deadLetterQueue(`Partner${index}DeadLetters`);
    const options = { filterPolicy: filterPolicyOf(partner.filterPolicy), deadLetterQueue: deadLetters };
    const subscription =
      partner.protocol === 'https'
        ? new UrlSubscription(partner.endpoint, { ...options, rawMessageDelivery: true })
        : new EmailSubscription(partner.endpoint, options);
    this.offersTopic.addSubscription(subscription);
  }

  /** A function fed by a stream, a queue or a schedule: table access and its declared needs. */
  private backgroundFunction(
    name: string,
    entry: string,
    timeout: Duration,
    needs: Need[] | undefined,
    memorySize?: number,
  ) {
    const fn = this.newFunction(name, {
      entry,
      environment: { TABLE_NAME: this.table.tableName },
      timeout,
      ...(memorySize ? { memorySize } : {}),
    });
    this.table.grantReadWriteData(fn);
    this.grantNeeds(fn, needs);
    return fn;
  }

  /** Every function, with an alarm when Lambda throttles it. */
  private newFunction(id: string, props: BassinFunctionProps): BassinFunction {
    const fn = new BassinFunction(this, id, props);
    this.alarm(`${id}Throttles`, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), 1);
    return fn;
  }

  /** Where failed events wait to be looked at and re-driven, with an alarm as soon as one arrives. */
  private deadLetterQueue(id: string): Queue {
    const queue = new Queue(this, id, {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.alarm(
      `${id}Depth`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      1,
    );
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        'This queue is itself where failures land (a DLQ or an on-failure destination): alarmed and re-driven by hand, never dead-lettered again.',
    });
    return queue;
  }

  /** A private, encrypted bucket for GTFS zips, when the territory gives none. */
  private timetablesBucket(protect: boolean): IBucket {
    const bucket = new Bucket(this, 'Timetables', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !protect,
    });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Public timetables (open data) uploaded by operators; CloudTrail records who wrote them, access logs would add nothing.',
    });
    return bucket;
  }

  private alarm(id: string, metric: IMetric, threshold: number) {
    new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `Bassin: ${id}`,
    }).addAlarmAction(new SnsAction(this.alarmTopic));
  }

  /** Commute configuration, and Amazon Location's route matrix when it is the source. */
  private grantNeeds(fn: BassinFunction, needs: Need[] | undefined) {
    if (needs?.includes('offers')) this.grantOffers(fn);
    if (needs?.includes('devices')) this.grantDevices(fn);
    if (needs?.includes('send-messages')) {
      // SMS are published to phone numbers, which have no ARN: SNS requires "*" here.
      fn.addToRolePolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
    }
    if (needs?.includes('timetables')) {
      fn.addEnvironment('TIMETABLES_BUCKET', this.timetables.bucket.bucketName);
      fn.addEnvironment('TIMETABLES_PREFIX', this.timetables.prefix);
      this.timetables.bucket.grantRead(fn, `${this.timetables.prefix}*`);
      const bucket = this.timetables.bucket.node.defaultChild as CfnElement | undefined;
      const resource = bucket
        ? `<${this.getLogicalId(bucket)}.Arn>/${this.timetables.prefix}*`
        : `arn:<AWS::Partition>:s3:::${this.timetables.bucket.bucketName}/${this.timetables.prefix}*`;
      Validations.of(fn).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${resource}]`,
        reason:
          'The import reads every GTFS zip under its prefix, whatever their names: the prefix is the boundary.',
      });
    }
    if (!needs?.includes('amazon-location')) return;
    fn.addEnvironment('TRAVEL_TIME', this.travelTime);
    fn.addEnvironment('TRANSIT_SERVICE_HOURS', this.transitServiceHours);
    if (this.travelTime !== 'amazon-location') return;
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['geo-routes:CalculateRouteMatrix'],
        resources: [`arn:${this.partition}:geo-routes:${this.region}::provider/default`],
      }),
    );
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
