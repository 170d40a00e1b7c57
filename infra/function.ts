import { resolve } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export const projectRoot = resolve(import.meta.dirname, '..');

export interface BassinFunctionProps {
  /** Entry file relative to the project root, as in the route and consumer tables. */
  entry: string;
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

/**
 * Every Bassin function, with the house defaults in one place: Node.js 22 on ARM64,
 * esbuild bundle with source maps, JSON logs kept one month, X-Ray tracing.
 * Grants are given by the stack, from what the route or consumer declares it needs.
 */
export class BassinFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: BassinFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    super(scope, id, {
      entry: resolve(projectRoot, props.entry),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      depsLockFilePath: resolve(projectRoot, 'package-lock.json'),
      projectRoot,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'bassin',
        ...props.environment,
      },
      bundling: {
        minify: true,
        sourceMap: true,
        target: 'node22',
        format: OutputFormat.CJS,
        forceDockerBundling: false,
        // Bundle the SDK we pinned and tested rather than whatever version the runtime carries.
        externalModules: [],
      },
    });
  }
}
