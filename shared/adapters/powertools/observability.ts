import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { MiddlewareObj } from '@middy/core';

/**
 * Traces and business metrics for every function, at the edge: the domain never sees them.
 * X-Ray (active tracing in CDK) gets a segment per invocation with the handler's annotations
 * and a subsegment per AWS call of the clients passed to `traced`. Metrics go out as
 * CloudWatch embedded metric format in the function's log, flushed once per invocation.
 * Outside Lambda the tracer stays off by itself; the local runtime sets POWERTOOLS_METRICS_DISABLED.
 */
export const tracer = new Tracer({ serviceName: 'bassin' });
export const metrics = new Metrics({ namespace: 'Bassin', serviceName: 'bassin' });

/** The business events counted, each one a CloudWatch metric of the same name. */
export const businessEvents = {
  vacancyPosted: 'VacancyPosted',
  matchMade: 'MatchMade',
  offerSent: 'OfferSent',
} as const;
export type BusinessEvent = keyof typeof businessEvents;

export function countEvent(event: BusinessEvent, count = 1) {
  if (count > 0) metrics.addMetric(businessEvents[event], MetricUnit.Count, count);
}

/**
 * Publishes what the invocation counted, after it or after its error. Powertools' own
 * `logMetrics` middleware would also warn on every invocation that counted nothing, which
 * is most of them.
 */
const publishCounted = (): MiddlewareObj => {
  const publish = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: publish, onError: publish };
};

/** The tracer and metrics middlewares, outermost first (the response is not traced: it holds personal data). */
export const observed = (): MiddlewareObj[] => [
  captureLambdaHandler(tracer, { captureResponse: false }),
  publishCounted(),
];

/** An AWS SDK v3 client whose calls show as X-Ray subsegments (unchanged when tracing is off). */
export const traced = <T>(client: T): T => tracer.captureAWSv3Client(client);
