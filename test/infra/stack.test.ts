import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { queueConsumers, scheduledJobs, streamConsumers } from '../../infra/consumers';
import { routes } from '../../infra/routes';
import { BassinStack } from '../../infra/stack';
import { tableDesign } from '../../shared/adapters/dynamodb/table-design';
import { entities } from '../../shared/entities';
import { routeScopes } from '../../shared/http/scopes';
import { testApp } from '../support/cdk-app';

const synth = (props: ConstructorParameters<typeof BassinStack>[2] = {}) => {
  const app = testApp();
  return Template.fromStack(new BassinStack(app, 'Test', props));
};

let template: Template;
beforeAll(() => {
  template = synth();
});

const jobOf = (logicalId: string) => scheduledJobs.find((j) => logicalId.startsWith(j.name));
const timeoutOf = (logicalId: string) => {
  if (streamConsumers.some((c) => logicalId.startsWith(c.name))) return 60;
  if (queueConsumers.some((c) => logicalId.startsWith(c.name))) return 30;
  const job = jobOf(logicalId);
  if (job) return job.timeoutSeconds ?? 120;
  return 10;
};

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are inspected freely
type Resource = { Type: string; Properties: Record<string, any> };
const resources = (type: string) => Object.entries(template.findResources(type)) as [string, Resource][];

describe('table', () => {
  it('is on-demand with PITR, NEW_AND_OLD_IMAGES stream, TTL, deletion protection and the shared key design', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: tableDesign.timeToLiveAttribute, Enabled: true },
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableDesign.indexes.map((index) =>
        Match.objectLike({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
      Replicas: [
        Match.objectLike({
          DeletionProtectionEnabled: true,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      ],
    });
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' });
  });

  it('can be made disposable for test stacks', () => {
    synth({ deletionProtection: false }).hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Delete',
    });
  });
});

describe('functions', () => {
  it('one per route and per stream consumer, Node.js 22 on ARM64, traced, logs kept one month', () => {
    // Ours, not the CDK helper that copies the web app to its bucket.
    const functions = resources('AWS::Lambda::Function').filter(
      ([id, f]) => f.Properties.Handler === 'index.handler' && !id.startsWith('CustomCDKBucketDeployment'),
    );
    expect(functions).toHaveLength(
      // + the Cognito pre-token-generation trigger
      routes.length + streamConsumers.length + queueConsumers.length + scheduledJobs.length + 1,
    );
    for (const [id, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: jobOf(id)?.memoryMb ?? 512,
        Timeout: timeoutOf(id),
        LoggingConfig: { LogFormat: 'JSON' },
      });
    }
    for (const [, group] of resources('AWS::Logs::LogGroup'))
      expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('grant table access by least privilege: none, read-only or read/write as the route table says', () => {
    const policies = resources('AWS::IAM::Policy');
    const actionsOf = (operationId: string) => {
      const role = resources('AWS::Lambda::Function').find(([id]) => id.startsWith(operationId))?.[1]
        .Properties.Role;
      const roleId = role?.['Fn::GetAtt']?.[0];
      return policies
        .filter(([, p]) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId))
        .flatMap(([, p]) =>
          p.Properties.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) => s.Action),
        );
    };
    for (const { contract, data } of routes) {
      const actions = actionsOf(contract.operationId);
      const dynamo = actions.filter((a: string) => a.startsWith('dynamodb:'));
      if (data === 'none') expect(dynamo, contract.operationId).toEqual([]);
      if (data === 'read') {
        expect(dynamo, contract.operationId).toContain('dynamodb:Query');
        expect(dynamo, contract.operationId).not.toContain('dynamodb:PutItem');
      }
      if (data === 'write') expect(dynamo, contract.operationId).toContain('dynamodb:PutItem');
      expect(
        dynamo.some((a: string) => a.includes('*') && a !== 'dynamodb:*'),
        contract.operationId,
      ).toBe(false);
      expect(dynamo, contract.operationId).not.toContain('dynamodb:*');
    }
  });
});

describe('planning reads', () => {
  it('GET planning routes only read the table, and are told so (their route cache is not written)', () => {
    const reads = routes.filter(
      (r) => r.contract.method === 'GET' && r.contract.path.startsWith('/v1/planning'),
    );
    expect(reads.map((r) => r.data).filter((data) => data === 'write')).toEqual([]);
    for (const { contract } of reads) {
      const fn = resources('AWS::Lambda::Function').find(([id]) => id.startsWith(contract.operationId))?.[1];
      expect(fn?.Properties.Environment.Variables.TABLE_ACCESS, contract.operationId).toBe('read');
    }
  });
});

describe('commute source', () => {
  it('uses the estimator by default, with no Amazon Location permission', () => {
    for (const [, fn] of resources('AWS::Lambda::Function')) {
      if (fn.Properties.Environment?.Variables?.TRAVEL_TIME)
        expect(fn.Properties.Environment.Variables.TRAVEL_TIME).toBe('estimator');
    }
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).not.toContain('geo-routes');
  });

  it('grants the route matrix to the commute route and the matcher only, when Amazon Location is chosen', () => {
    const located = synth({ travelTime: 'amazon-location' });
    const policies = Object.values(located.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p).includes('geo-routes:CalculateRouteMatrix'),
    );
    const needing = [...routes, ...streamConsumers, ...queueConsumers, ...scheduledJobs].filter((entry) =>
      entry.needs?.includes('travel-time'),
    );
    expect(policies).toHaveLength(needing.length);
    located.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ TRAVEL_TIME: 'amazon-location', TRANSIT_SERVICE_HOURS: '6-21' }),
      },
    });
  });
});

describe('HTTP API', () => {
  it('has exactly the routes of the route table', () => {
    const keys = resources('AWS::ApiGatewayV2::Route')
      .map(([, r]) => r.Properties.RouteKey)
      .sort();
    expect(keys).toEqual(routes.map(({ contract }) => `${contract.method} ${contract.path}`).sort());
  });

  it('puts the Cognito JWT authorizer on every /v1 route and on no public one', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Audience: Match.anyValue(), Issuer: Match.anyValue() },
    });
    for (const [, route] of resources('AWS::ApiGatewayV2::Route')) {
      const key: string = route.Properties.RouteKey;
      const entry = routes.find(({ contract }) => `${contract.method} ${contract.path}` === key);
      if (entry?.contract.access === 'public')
        expect(route.Properties.AuthorizationType ?? 'NONE', key).toBe('NONE');
      else expect(route.Properties.AuthorizationType, key).toBe('JWT');
      if (entry?.contract.access !== 'public') expect(route.Properties.AuthorizerId, key).toBeDefined();
      // Per-route scopes: those of the groups the route allows.
      expect(route.Properties.AuthorizationScopes ?? [], key).toEqual(
        entry ? routeScopes(entry.contract) : [],
      );
    }
  });
});

describe('identity', () => {
  it('maps groups to OAuth scopes with a V2 pre-token-generation trigger', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'bassin',
      Scopes: Match.arrayWith([Match.objectLike({ ScopeName: 'employer' })]),
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: Match.anyValue() } },
      UserPoolTier: 'ESSENTIALS',
    });
  });

  it('has a user pool without self sign-up and the four groups', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    const groups = resources('AWS::Cognito::UserPoolGroup')
      .map(([, g]) => g.Properties.GroupName)
      .sort();
    expect(groups).toEqual(['admin', 'employer', 'planner', 'seeker']);
  });
});

describe('offers delivery', () => {
  it('subscribes the deliverer queue with raw delivery, its filter policy and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: true,
      FilterPolicy: { eventType: ['OfferPublished'], channel: ['sms', 'push'] },
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue() },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      VisibilityTimeout: 180,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
      SqsManagedSseEnabled: true,
    });
    const sqsMappings = resources('AWS::Lambda::EventSourceMapping').filter(
      ([, m]) => !m.Properties.StartingPosition,
    );
    expect(sqsMappings).toHaveLength(queueConsumers.length);
    for (const [, mapping] of sqsMappings) {
      expect(mapping.Properties).toMatchObject({
        BatchSize: 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });

  it('every SNS subscription has a dead-letter queue, partners included', () => {
    const withPartners = synth({
      partners: [
        {
          protocol: 'https',
          endpoint: 'https://partner.example/offers',
          filterPolicy: { epci: ['200067254'], sector: ['aeronautics'] },
        },
        {
          protocol: 'email',
          endpoint: 'offres@mission-locale.example',
          filterPolicy: { sector: ['agrifood'] },
        },
      ],
    });
    const subscriptions = Object.values(withPartners.findResources('AWS::SNS::Subscription')) as Resource[];
    expect(subscriptions).toHaveLength(queueConsumers.length + 2);
    for (const subscription of subscriptions) expect(subscription.Properties.RedrivePolicy).toBeDefined();
    withPartners.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'https',
      Endpoint: 'https://partner.example/offers',
      FilterPolicy: { epci: ['200067254'], sector: ['aeronautics'] },
    });
  });

  it('imports timetables daily from the S3 prefix set in context, reading that prefix only', () => {
    const custom = synth({ timetables: { bucket: 'territory-gtfs', prefix: 'reseaux/' } });
    const [, fn] = Object.entries(custom.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('importTimetables'),
    ) as [string, Resource];
    expect(fn.Properties.Environment.Variables).toMatchObject({
      TIMETABLES_BUCKET: 'territory-gtfs',
      TIMETABLES_PREFIX: 'reseaux/',
    });
    expect(fn.Properties).toMatchObject({ Timeout: 900, MemorySize: 3008 });
    const statements = Object.values(custom.findResources('AWS::IAM::Policy')).flatMap(
      (policy) =>
        (policy as Resource).Properties.PolicyDocument.Statement as { Action: string[]; Resource: unknown }[],
    );
    const reads = statements.filter((s) => JSON.stringify(s.Resource).includes('territory-gtfs'));
    expect(reads.length).toBeGreaterThan(0);
    expect(JSON.stringify(reads.map((s) => s.Resource))).toContain('territory-gtfs/reseaux/*');
    expect(
      reads.flatMap((s) => s.Action).every((a) => a.startsWith('s3:Get') || a.startsWith('s3:List')),
    ).toBe(true);
    custom.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      Targets: [
        Match.objectLike({ Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^importTimetables'), 'Arn'] } }),
      ],
    });
    // Without context, the stack keeps the zips in its own private bucket under gtfs/.
    template.hasResourceProperties('AWS::S3::BucketPolicy', Match.anyValue());
    const [, own] = resources('AWS::Lambda::Function').find(([id]) => id.startsWith('importTimetables')) as [
      string,
      Resource,
    ];
    expect(own.Properties.Environment.Variables.TIMETABLES_PREFIX).toBe('gtfs/');
  });

  it('releases held offers on a schedule, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(15 minutes)',
      Targets: [
        Match.objectLike({ RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: Match.anyValue() }),
      ],
    });
  });

  it('lets only message-sending functions publish SMS, and only offer functions publish to the topic', () => {
    const policies = resources('AWS::IAM::Policy');
    const smsPolicies = policies.filter(([, p]) =>
      p.Properties.PolicyDocument.Statement.some(
        // Statements may be merged (@aws-cdk/aws-iam:minimizePolicies): Action is a string or a list.
        (st: { Action: string | string[]; Resource: string }) =>
          [st.Action].flat().includes('sns:Publish') && st.Resource === '*',
      ),
    );
    const senders = [...queueConsumers, ...scheduledJobs].filter((c) => c.needs?.includes('send-messages'));
    expect(smsPolicies).toHaveLength(senders.length);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 48 }),
    });
  });
});

describe('operations', () => {
  it('alarms on every dead-letter queue, stream lag, API 5xx and function throttles, to the alarm topic', () => {
    const alarms = resources('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    const dlqs = resources('AWS::SQS::Queue').filter(
      ([id]) => !queueConsumers.some((c) => id.startsWith(`${c.name}Queue`)),
    );
    // Ours, not the CDK helper that copies the web app to its bucket.
    const functions = resources('AWS::Lambda::Function').filter(
      ([id, f]) => f.Properties.Handler === 'index.handler' && !id.startsWith('CustomCDKBucketDeployment'),
    );
    const count = (metric: string) => alarms.filter((a) => a.MetricName === metric).length;
    expect(count('ApproximateNumberOfMessagesVisible')).toBe(dlqs.length);
    expect(count('IteratorAge')).toBe(streamConsumers.length);
    expect(count('5xx')).toBe(1);
    expect(count('Throttles')).toBe(functions.length);
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
  });

  it('throttles routes, tighter on the one that creates vacancies', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      RouteSettings: { 'POST /v1/vacancies': { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } },
    });
  });
});

describe('offers topic', () => {
  it('exists and refuses non-TLS publishers', () => {
    template.resourceCountIs('AWS::SNS::Topic', 2); // offers, and the operations alarms
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('stream consumers', () => {
  it('every event source mapping of the real stack is bounded and has an on-failure destination', () => {
    const mappings = resources('AWS::Lambda::EventSourceMapping').filter(
      ([, m]) => m.Properties.StartingPosition,
    );
    expect(mappings).toHaveLength(streamConsumers.length);
    for (const [, mapping] of mappings) {
      expect(mapping.Properties).toMatchObject({
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        MaximumRecordAgeInSeconds: 21600,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: expect.anything() } },
      });
    }
  });

  it('the statistics consumer receives vacancies, seeker profiles, matches and wave schedules; the roll runs daily', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 50,
      FilterCriteria: {
        Filters: Match.arrayWith([
          {
            Pattern: JSON.stringify({
              dynamodb: { NewImage: { entity: { S: ['Vacancy', 'SeekerProfile', 'Match', 'OfferWaves'] } } },
            }),
          },
        ]),
      },
    });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 day)' });
    expect(scheduledJobs.map((job) => job.name)).toContain('rollStatistics');
  });

  it('are attached with bisect, bounded retries and age, partial failures and an on-failure queue', () => {
    const withConsumer = synth({
      consumers: [
        {
          name: 'sampleConsumer',
          entry: 'functions/system/health.ts',
          data: 'write',
          needs: [],
          batchSize: 25,
          entities: [entities.vacancy],
          parallelization: 3,
        },
      ],
    });
    withConsumer.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 25,
      ParallelizationFactor: 3,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: 21600,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { entity: { S: ['Vacancy'] } } } }) },
          { Pattern: JSON.stringify({ dynamodb: { OldImage: { entity: { S: ['Vacancy'] } } } }) },
        ],
      },
    });
    withConsumer.hasResourceProperties('AWS::SQS::Queue', {
      MessageRetentionPeriod: 1209600,
      SqsManagedSseEnabled: true,
    });
  });
});

describe('web app hosting', () => {
  it('a private, encrypted bucket behind CloudFront with origin access control', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/v1/*',
            AllowedMethods: Match.arrayWith(['PATCH', 'POST', 'DELETE']),
          }),
        ],
        CustomErrorResponses: Match.arrayWith([
          Match.objectLike({ ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html' }),
        ]),
      }),
    });
  });

  it('sends the security headers of the local server, and the runtime config with the Cognito settings', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.stringLikeRegexp("default-src 'self'"),
            Override: true,
          },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
        }),
      }),
    });
    const deployment = resources('Custom::CDKBucketDeployment')[0]?.[1];
    // Two sources: the built app and config.json, whose markers resolve the user pool and its client.
    expect(deployment?.Properties.SourceObjectKeys).toHaveLength(2);
    expect(JSON.stringify(deployment?.Properties.SourceMarkers)).toMatch(/Users0A0EEA89|UsersWebClient/);
    template.hasOutput('*', { Value: { 'Fn::Join': ['', ['https://', Match.anyValue(), '/']] } });
  });

  it('signs in through the Cognito hosted UI: a domain, and the app as a callback URL of the web client', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolDomain', 1);
    const [, client] = resources('AWS::Cognito::UserPoolClient')[0] ?? [];
    expect(client?.Properties.AllowedOAuthFlows).toEqual(['code']);
    expect(JSON.stringify(client?.Properties.CallbackURLs)).toContain('DomainName');
    expect(client?.Properties.CallbackURLs).toContain('http://localhost:3000/');
    const deployment = resources('Custom::CDKBucketDeployment')[0]?.[1];
    expect(JSON.stringify(deployment?.Properties.SourceMarkers)).toMatch(/SignIn/);
  });

  it('can be left out', () => {
    expect(synth({ web: false }).findResources('AWS::CloudFront::Distribution')).toEqual({});
  });
});
