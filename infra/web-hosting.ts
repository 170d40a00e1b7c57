import { existsSync } from 'node:fs';
import {
  Annotations,
  type CfnElement,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { webSecurityHeaders } from './local/web-files';

export interface WebHostingProps {
  api: HttpApi;
  /** The built app (web/dist); without it, the bucket and distribution are made and left empty. */
  distDir: string;
  deletionProtection: boolean;
}

/**
 * The web app in AWS: a private, encrypted S3 bucket behind CloudFront with origin access
 * control, the same security headers as `npm start`, and the API on the same origin under
 * /v1/* (so no CORS, and the CSP can say connect-src 'self').
 */
export class WebHosting extends Construct {
  readonly distribution: Distribution;
  readonly bucket: Bucket;
  /** The app's address (also the OAuth redirect URI). */
  readonly url: string;
  private readonly distDir: string;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      autoDeleteObjects: !props.deletionProtection,
    });
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: webSecurityHeaders['content-security-policy'],
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
    });
    const region = Stack.of(this).region;
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Bassin web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new HttpOrigin(`${props.api.apiId}.execute-api.${region}.amazonaws.com`),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      // A single-page app: unknown paths are its pages.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.minutes(1),
      })),
    });
    this.url = `https://${this.distribution.distributionDomainName}/`;
    this.distDir = props.distDir;
    new CfnOutput(this, 'WebUrl', { value: this.url });

    const why = {
      'AwsSolutions-S1':
        'The site bucket only holds the public build of the app; CloudFront logs requests instead of S3.',
      'AwsSolutions-CFR1':
        'A job platform for a French territory: no country is blocked (partners and seekers may be abroad).',
      'AwsSolutions-CFR2':
        'WAF is an account-level choice with a monthly cost; the API keeps its own throttling and JWT authorizer.',
      'AwsSolutions-CFR3':
        'CloudFront standard logs need a log bucket with ACLs; to be enabled with the operator’s log account.',
      'AwsSolutions-CFR4':
        'The default *.cloudfront.net certificate; a custom domain with TLS 1.2+ is set at deployment by the operator.',
      'AwsSolutions-IAM4': 'The CDK BucketDeployment helper uses AWSLambdaBasicExecutionRole for its logs.',
      'AwsSolutions-IAM5':
        'The CDK BucketDeployment helper copies any key of the asset and site buckets (s3:*Object* on bucket/*).',
      'AwsSolutions-L1': 'The runtime of the CDK BucketDeployment helper is chosen by aws-cdk-lib.',
    };
    for (const [rule, reason] of Object.entries(why)) Validations.of(this).acknowledge({ id: rule, reason });
    // The deployment helper is a stack-level singleton: its grants are acknowledged there, one by one.
    const stack = Stack.of(this);
    const siteArn = `<${stack.getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>/*`;
    for (const evidence of [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
      `Resource::${siteArn}`,
    ])
      Validations.of(stack).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[${evidence}]`,
        reason: why['AwsSolutions-IAM5'],
      });
  }

  /** Copies the built app and its runtime config (`config.json`, read by the app at start) to the bucket. */
  publish(config: Record<string, unknown>) {
    const sources = [Source.jsonData('config.json', config)];
    if (existsSync(this.distDir)) sources.unshift(Source.asset(this.distDir));
    else
      Annotations.of(this).addWarningV2(
        'bassin:web-not-built',
        'web/dist is missing: run `npm run build:web` before deploying',
      );
    new BucketDeployment(this, 'Deploy', {
      sources,
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      // The helper's own log group (recent CDK defaults give it one): kept a month, like the functions'.
      logGroup: new LogGroup(this, 'DeployLogs', {
        retention: RetentionDays.ONE_MONTH,
        removalPolicy: RemovalPolicy.DESTROY,
      }),
    });
  }
}
