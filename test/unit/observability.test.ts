import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { localContext } from '../../infra/local/change-feed';
import { countEvent, observed, traced, tracingActive } from '../../shared/adapters/powertools/observability';

/** The embedded-metric-format documents written to stdout while `run` runs. */
async function emitted(run: () => Promise<unknown>) {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    await run().catch(() => undefined);
  } finally {
    spy.mockRestore();
  }
  return lines
    .flatMap((line) => line.split('\n'))
    .filter((line) => line.includes('"_aws"'))
    .map((line) => JSON.parse(line));
}

const handlerCounting = (count: () => void, fail = false) =>
  middy<unknown, string, Error, Context>()
    .use(observed())
    .handler(async () => {
      count();
      if (fail) throw new Error('boom');
      return 'done';
    });

describe('business metrics at the edge', () => {
  afterEach(() => vi.restoreAllMocks());

  it('publishes one EMF document per invocation with the events counted, in the Bassin namespace', async () => {
    const handler = handlerCounting(() => {
      countEvent('matchMade', 3);
      countEvent('offerSent');
    });
    const [document, ...more] = await emitted(() => handler({}, localContext('matcher') as Context));
    expect(more).toEqual([]);
    expect(document._aws.CloudWatchMetrics[0].Namespace).toBe('Bassin');
    expect(document._aws.CloudWatchMetrics[0].Metrics).toEqual(
      expect.arrayContaining([
        { Name: 'MatchMade', Unit: 'Count' },
        { Name: 'OfferSent', Unit: 'Count' },
      ]),
    );
    expect(document).toMatchObject({ MatchMade: 3, OfferSent: 1, service: 'bassin' });
  });

  it('publishes what was counted before an error too, and nothing (not even a warning) when nothing was', async () => {
    const failing = handlerCounting(() => countEvent('vacancyPosted'), true);
    const [document] = await emitted(() => failing({}, localContext('postVacancy') as Context));
    expect(document).toMatchObject({ VacancyPosted: 1 });

    const warn = vi.spyOn(console, 'warn');
    const quiet = handlerCounting(() => countEvent('matchMade', 0));
    expect(await emitted(() => quiet({}, localContext('matcher') as Context))).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('X-Ray tracing, only where it is active', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });
  const xrayMiddleware = (client: DynamoDBClient) =>
    client.middlewareStack.identify().filter((name) => name.startsWith('XRaySDKInstrumentation'));

  it('follows Powertools: in Lambda unless switched off, never locally, under SAM or Amplify mocks', () => {
    const lambda = { AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x' };
    expect(tracingActive(lambda)).toBe(true);
    expect(tracingActive({})).toBe(false);
    expect(tracingActive({ ...lambda, POWERTOOLS_TRACE_ENABLED: 'false' })).toBe(false);
    expect(tracingActive({ ...lambda, AWS_SAM_LOCAL: 'true' })).toBe(false);
    expect(tracingActive({ AWS_EXECUTION_ENV: 'AWS_Lambda_amplify-mock' })).toBe(false);
  });

  it('locally, the handler has no tracer middleware and clients are left as they are', () => {
    vi.stubEnv('AWS_EXECUTION_ENV', '');
    expect(observed()).toHaveLength(1);
    expect(xrayMiddleware(traced(new DynamoDBClient({ region: 'eu-west-3' })))).toEqual([]);
  });

  it('in AWS, the first invocation loads the tracer, opens the handler segment and captures the clients made before', async () => {
    vi.stubEnv('AWS_EXECUTION_ENV', 'AWS_Lambda_nodejs22.x');
    // No X-Ray daemon nor trace header here: the SDK is told not to log their absence.
    vi.stubEnv('AWS_XRAY_CONTEXT_MISSING', 'IGNORE_ERROR');
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = traced(new DynamoDBClient({ region: 'eu-west-3' }));
    const middlewares = observed();
    expect(middlewares).toHaveLength(2);
    let tracingSeen = false;
    const handler = middy<unknown, string, Error, Context>()
      .use(middlewares)
      .handler(async () => {
        const { tracer } = await import('../../shared/adapters/powertools/xray-tracer.mjs');
        tracingSeen = tracer.isTracingEnabled();
        return 'done';
      });
    expect(await handler({}, localContext('health') as Context)).toBe('done');
    expect(tracingSeen).toBe(true);
    expect(xrayMiddleware(client)).toHaveLength(1);
    // A client made once the tracer is loaded is captured at once.
    expect(xrayMiddleware(traced(new DynamoDBClient({ region: 'eu-west-3' })))).toHaveLength(1);
  });
});
