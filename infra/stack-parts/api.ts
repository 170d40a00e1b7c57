import { Duration, type Stack, Validations } from 'aws-cdk-lib';
import { type CfnStage, HttpApi, HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { defaultThrottle } from '../../shared/http/route-contract';
import { routeScopes } from '../../shared/http/scopes';
import type { RouteEntry } from '../routes';
import type { Operations } from './operations';
import { writeSettings } from './settings';
import type { Workers } from './workers';

/** The HTTP API: its stage (access logs, throttling), and one function and one route per route-table entry. */
export class Api {
  readonly api: HttpApi;

  constructor(
    private readonly stack: Stack,
    private readonly operations: Operations,
  ) {
    this.api = new HttpApi(stack, 'Api', { description: 'Bassin HTTP API' });
  }

  /** Access logs and throttling: a default for every route, tighter where a request creates data. */
  configureStage(routes: RouteEntry[]) {
    const stage = this.api.defaultStage?.node.defaultChild as CfnStage;
    const accessLogs = new LogGroup(this.stack, 'ApiAccessLogs', { retention: RetentionDays.ONE_MONTH });
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
      routes
        .filter(({ contract }) => contract.throttle)
        .map(({ contract }) => [
          `${contract.method} ${contract.path}`,
          { ThrottlingRateLimit: contract.throttle?.rate, ThrottlingBurstLimit: contract.throttle?.burst },
        ]),
    );
    this.operations.alarm(
      'Api5xx',
      this.api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      5,
    );
  }

  addRoute(
    { contract, entry, data, needs }: RouteEntry,
    wiring: { authorizer: IHttpRouteAuthorizer; allowedOrigin: string; workers: Workers },
  ) {
    const fn = this.operations.newFunction(contract.operationId, {
      entry,
    });
    writeSettings(fn, { allowedOrigin: wiring.allowedOrigin });
    wiring.workers.grant(fn, { data, needs });
    const [route] = this.api.addRoutes({
      path: contract.path,
      methods: [HttpMethod[contract.method]],
      integration: new HttpLambdaIntegration(`${contract.operationId}Integration`, fn),
      ...(contract.access === 'public'
        ? {}
        : { authorizer: wiring.authorizer, authorizationScopes: routeScopes(contract) }),
    });
    if (contract.access === 'public' && route) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${contract.method} ${contract.path} is public by design (${contract.summary}); it reads or changes nothing personal without a valid signed token.`,
      });
    }
  }
}
