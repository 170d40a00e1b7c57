import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';

/**
 * Traces and business metrics for every function, at the edge: the domain never sees them.
 * X-Ray (active tracing in CDK) gets a segment per invocation with the handler's annotations
 * and a subsegment per AWS call of the clients passed to `traced`. Metrics go out as
 * CloudWatch embedded metric format in the function's log, flushed once per invocation.
 * The local runtime sets POWERTOOLS_METRICS_DISABLED.
 */
export const metrics = new Metrics({ namespace: 'Bassin', serviceName: 'bassin' });

/**
 * Whether this process traces: Powertools Tracer's own rule (in Lambda, not under SAM or
 * Amplify's mocks, unless POWERTOOLS_TRACE_ENABLED=false). Locally and in tests it never does.
 */
export function tracingActive(env: NodeJS.ProcessEnv = process.env): boolean {
  const runtime = env.AWS_EXECUTION_ENV ?? '';
  return (
    runtime !== '' &&
    runtime !== 'AWS_Lambda_amplify-mock' &&
    !env.AWS_SAM_LOCAL &&
    env.POWERTOOLS_TRACE_ENABLED?.toLowerCase() !== 'false'
  );
}

type XRayTracer = typeof import('./xray-tracer.mjs');
let loading: Promise<XRayTracer> | undefined;
let loaded: XRayTracer | undefined;
/** Clients made before the tracer had loaded: captured as soon as it has. */
const waiting: unknown[] = [];

/**
 * The tracer module, imported once: a file of its own beside the bundle (infra/bundles.ts),
 * so a function that does not trace never parses the X-Ray SDK.
 */
function xrayTracer(): Promise<XRayTracer> {
  loading ??= import('./xray-tracer.mjs').then((module) => {
    loaded = module;
    for (const client of waiting.splice(0)) module.capture(client);
    return module;
  });
  return loading;
}

/** Starts loading; a failure to load shows in the invocation that waits for it. */
const startLoading = () => void xrayTracer().catch(() => undefined);

// In Lambda, start loading during the init phase rather than in the first invocation.
if (tracingActive()) startLoading();

/** An AWS SDK v3 client whose calls show as X-Ray subsegments (unchanged when tracing is off). */
export function traced<T>(client: T): T {
  if (!tracingActive()) return client;
  if (loaded) return loaded.capture(client);
  waiting.push(client);
  startLoading();
  return client;
}

/** Powertools' handler-segment middleware, once the tracer is loaded (the first `before` waits for it). */
function tracedInvocations(): MiddlewareObj {
  let segments: MiddlewareObj | undefined;
  return {
    before: async (request) => {
      segments ??= (await xrayTracer()).handlerSegments();
      return segments.before?.(request);
    },
    after: (request) => segments?.after?.(request),
    onError: (request) => segments?.onError?.(request),
  };
}

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

/** The tracer (where tracing is active) and metrics middlewares, outermost first. */
export const observed = (): MiddlewareObj[] => [
  ...(tracingActive() ? [tracedInvocations()] : []),
  publishCounted(),
];
