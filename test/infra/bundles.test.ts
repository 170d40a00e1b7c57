import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bundles, bundleAll, inputsOf } from '../../infra/bundles';

const health = 'functions/system/health.ts';
const communes = 'functions/reference/communes.ts';
const out = mkdtempSync(join(tmpdir(), 'bassin-bundles-test-'));
let bundles: Bundles;

// Two functions only: the budget of every bundle is checked on the bundles of the real synth
// (test/infra/synth.test.ts), which builds them all anyway.
beforeAll(() => {
  bundles = bundleAll(process.cwd(), [health, communes], out);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('each function carries what it uses', () => {
  it('a function that reads no reference table carries none, in its bundle or beside it', () => {
    const code = readFileSync(join(bundles.dirOf(health), 'index.mjs'), 'utf8');
    expect(bundles.tablesOf(health)).toEqual([]);
    expect(existsSync(join(bundles.dirOf(health), 'data'))).toBe(false);
    expect(code).not.toContain('Zuydcoote');
  });

  it('the X-Ray SDK is not in a bundle but in a file beside it, which a function in AWS loads and traces with', async () => {
    expect(inputsOf(bundles.metafile, health).some((input) => input.includes('aws-xray-sdk-core'))).toBe(
      false,
    );
    expect(bundles.lazyModulesOf(health)).toEqual(['xray-tracer.mjs']);
    expect(readFileSync(join(bundles.dirOf(health), 'xray-tracer.mjs'), 'utf8')).toContain(
      'AWS_XRAY_DAEMON_ADDRESS',
    );

    // In a fresh Node with Lambda's environment (active tracing), the handler's segment reaches
    // the X-Ray daemon, here a UDP socket of the test.
    const daemon = createSocket('udp4');
    const received = new Promise<string>((resolve) =>
      daemon.on('message', (message) => {
        if (message.includes('## index.handler')) resolve(message.toString());
      }),
    );
    await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
    try {
      const script = `
        const { handler } = await import(${JSON.stringify(pathToFileURL(join(bundles.dirOf(health), 'index.mjs')).href)});
        const answer = await handler({
          version: '2.0', routeKey: 'GET /v1/health', rawPath: '/v1/health', rawQueryString: '', headers: {},
          isBase64Encoded: false, requestContext: { http: { method: 'GET', path: '/v1/health' }, requestId: 'r' },
        }, { awsRequestId: 'x', getRemainingTimeInMillis: () => 3000 });
        process.stdout.write(String(answer.statusCode));`;
      const run = promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: tmpdir(),
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'eu-west-3',
          AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
          AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
          LAMBDA_TASK_ROOT: bundles.dirOf(health),
          _HANDLER: 'index.handler',
          _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
          AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${(daemon.address() as AddressInfo).port}`,
          POWERTOOLS_METRICS_DISABLED: 'true',
          POWERTOOLS_LOG_LEVEL: 'ERROR',
        },
      });
      expect((await run).stdout).toBe('200');
      const segment = JSON.parse((await received).split('\n')[1] ?? '{}');
      expect(segment).toMatchObject({
        name: '## index.handler',
        trace_id: '1-5759e988-bd862e3fe1be46a994272793',
        annotations: { ColdStart: true, Service: 'bassin' },
      });
    } finally {
      daemon.close();
    }
  }, 60_000);

  it('a lookup ships its tables beside the bundle, not in it, and reads them at first use', async () => {
    const dir = bundles.dirOf(communes);
    expect(bundles.tablesOf(communes)).toContain('communes.json');
    expect(existsSync(join(dir, 'data', 'communes.json'))).toBe(true);
    expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).not.toContain('Zuydcoote');
    // The bundle, run on its own in a fresh Node as Lambda would, finds its table.
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.mjs')).href)});
      const claims = { sub: 'u1', 'cognito:groups': '[seeker]' };
      const answer = await handler({
        version: '2.0', routeKey: 'GET /v1/ref/communes', rawPath: '/v1/ref/communes', rawQueryString: 'q=mourenx',
        headers: { 'accept-language': 'fr' }, queryStringParameters: { q: 'mourenx' }, isBase64Encoded: false,
        requestContext: { http: { method: 'GET', path: '/v1/ref/communes' }, requestId: 'r', authorizer: { jwt: { claims } } },
      }, { awsRequestId: 'x', getRemainingTimeInMillis: () => 3000 });
      process.stdout.write(JSON.stringify(answer));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
      cwd: tmpdir(),
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'eu-west-3',
        POWERTOOLS_METRICS_DISABLED: 'true',
        POWERTOOLS_LOG_LEVEL: 'ERROR',
      },
    });
    const answer = JSON.parse(stdout) as { statusCode: number; body: string };
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body).items[0]).toMatchObject({ code: '64410', label: 'Mourenx (64150)' });
  }, 60_000);
});
