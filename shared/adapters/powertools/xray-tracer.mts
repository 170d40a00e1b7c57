/**
 * Powertools Tracer and its X-Ray SDK (aws-xray-sdk-core, cls-hooked, semver: ~110 KB and
 * ~14 ms of a cold import), loaded by observability.ts only where tracing is active. Its own
 * file (`.mts`, shipped as `xray-tracer.mjs` beside each bundle by infra/bundles.ts) so that
 * a function without tracing neither runs nor parses it.
 */
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';

export const tracer = new Tracer({ serviceName: 'bassin' });

/** A segment per invocation with the handler's annotations (the response is not traced: it holds personal data). */
export const handlerSegments = () => captureLambdaHandler(tracer, { captureResponse: false });

/** The client's calls become X-Ray subsegments. */
export function capture<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}
