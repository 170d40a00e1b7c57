import { join, resolve } from 'node:path';
import { Duration, Stack, Stage } from 'aws-cdk-lib';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { functionBundles } from './bundles';

export const projectRoot = resolve(import.meta.dirname, '..');

export interface BassinFunctionProps {
  /** Entry file relative to the project root, as in the route and consumer tables. */
  entry: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * Every Bassin function, with the house defaults in one place: Node.js 22 on ARM64, an ESM
 * esbuild bundle (infra/bundles.ts: all functions built in one run) with its source map
 * beside it, JSON logs kept one month, X-Ray tracing.
 * Grants are given by the stack, from what the route or consumer declares it needs.
 */
export class BassinFunction extends LambdaFunction {
  constructor(scope: Construct, id: string, props: BassinFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    super(scope, id, {
      // Assertion tests skip bundling (context aws:cdk:bundling-stacks = []), as CDK's own bundlers do.
      code: Stack.of(scope).bundlingRequired
        ? Code.fromAsset(
            functionBundles(projectRoot, join(Stage.of(scope)?.outdir ?? 'cdk.out', '.bundles')).dirOf(
              props.entry,
            ),
          )
        : Code.fromInline('export const handler = async () => undefined;'),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: 'bassin',
        // Each bundle ships its source map, read only when asked: Node's --enable-source-maps
        // adds about a quarter to the cold import (measured with npm run bench:cold's method),
        // so it is on only with -c bassin:sourceMaps=true, e.g. while chasing an error.
        ...(scope.node.tryGetContext('bassin:sourceMaps') === 'true'
          ? { NODE_OPTIONS: '--enable-source-maps' }
          : {}),
        ...props.environment,
      },
    });
  }
}
