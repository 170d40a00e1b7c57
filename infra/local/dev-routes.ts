import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import type { OutboxEntry } from '../../shared/adapters/local/outbox-sender';
import { zodIssues } from '../../shared/domain/validation';
import { problem } from '../../shared/http/problem';
import { groups } from '../../shared/http/route-contract';
import type { DevIdentity } from './identity';
import type { DemoAccount } from './seeding';

const tokenRequest = z.strictObject({
  sub: z.string().check(z.regex(/^[\w.@:-]{1,128}$/, 'letters, digits and . _ @ : - only, at most 128')),
  groups: z.array(z.enum(groups)).check(z.minLength(1), z.maxLength(4)),
  ttlSeconds: z.optional(z.int().check(z.minimum(60), z.maximum(86_400))),
});

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

export interface DevTools {
  outbox: () => Promise<OutboxEntry[]>;
  messaging: { deadLetters(): Promise<unknown[]>; redrive(): Promise<number> };
  runJob: (name: string) => Promise<unknown>;
  jobNames: string[];
  /** The change feed: last sequence number, and per consumer its checkpoints and lag. */
  stream: () => unknown;
  /** Resolves when the feed, the queues and their consumers have nothing left to do. */
  settled: (timeoutMs?: number) => Promise<void>;
  /** The SYNTHETIC demo's accounts, if the store holds the demo. */
  demoAccounts: () => Promise<DemoAccount[]>;
}

/**
 * `/dev/*`, in the local runtime only (nothing here exists in AWS): sign-in, the outbox of
 * SMS and push that would have been sent, dead letters and their redrive, scheduled jobs on
 * demand, the change feed's state (`/dev/stream`; `POST /dev/settle` waits for it to drain) and
 * the demo's accounts.
 */
export function devRoutes(identity: DevIdentity, tools: DevTools) {
  return async (
    request: IncomingMessage,
    body: Buffer,
  ): Promise<APIGatewayProxyStructuredResultV2 | undefined> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/dev/jwks.json' && request.method === 'GET') return json(200, identity.jwks());
    if (path === '/dev/outbox' && request.method === 'GET') return json(200, { items: await tools.outbox() });
    if (path === '/dev/demo' && request.method === 'GET')
      return json(200, { accounts: await tools.demoAccounts() });
    if (path === '/dev/dead-letters' && request.method === 'GET') {
      return json(200, { items: await tools.messaging.deadLetters() });
    }
    if (path === '/dev/stream' && request.method === 'GET') return json(200, tools.stream());
    if (path === '/dev/settle' && request.method === 'POST') {
      await tools.settled(60_000);
      return json(200, tools.stream());
    }
    if (path === '/dev/dead-letters/redrive' && request.method === 'POST') {
      return json(200, { redriven: await tools.messaging.redrive() });
    }
    const job = /^\/dev\/jobs\/(\w+)$/.exec(path)?.[1];
    if (job && request.method === 'POST') {
      if (!tools.jobNames.includes(job))
        return problem(404, `No job ${job}; jobs: ${tools.jobNames.join(', ')}`);
      return json(200, { job, result: await tools.runJob(job) });
    }
    if (path !== '/dev/token') return undefined;
    if (request.method !== 'POST') return problem(405, 'Use POST', { headers: { allow: 'POST' } });
    let input: unknown;
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return problem(400, 'Send JSON like {"sub":"acme","groups":["employer"]}', {
        issues: [{ field: 'body', message: 'malformed JSON' }],
      });
    }
    const parsed = tokenRequest.safeParse(input);
    if (!parsed.success) {
      return problem(400, 'Invalid token request', { issues: zodIssues(parsed.error, 'body') });
    }
    const expiresIn = parsed.data.ttlSeconds ?? 3600;
    return json(200, { token: await identity.issue(parsed.data), tokenType: 'Bearer', expiresIn });
  };
}
