import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { localContext } from '../../infra/local/change-feed';
import { NotFoundError, PreconditionFailedError } from '../../shared/domain/errors';
import { parseGroupsClaim } from '../../shared/http/caller';
import { httpHandler, maxBodyBytes } from '../../shared/http/handler';
import { idempotentHttpHandler } from '../../shared/http/idempotency';
import { defineRoute } from '../../shared/http/route-contract';
import { ifMatchVersion } from '../../shared/http/versions';

const route = defineRoute({
  operationId: 'testEcho',
  method: 'POST',
  path: '/v1/echo/{id}',
  summary: 'echo',
  tags: [],
  access: ['employer'],
  params: z.strictObject({ id: z.string().check(z.regex(/^\d+$/)) }),
  query: z.strictObject({ n: z.optional(z.coerce.number().check(z.int(), z.maximum(5))) }),
  body: z.strictObject({ word: z.string() }),
  responses: { 200: { description: 'The word back, unchecked (no schema)' } },
});

const echo = httpHandler(route, async ({ body, params, query, caller }) => {
  if (body.word === 'missing') throw new NotFoundError('notFound.vacancy');
  if (body.word === 'stale') throw new PreconditionFailedError(4);
  if (body.word === 'boom') throw new Error('database password is hunter2');
  return { status: 200, body: { word: body.word, id: params.id, n: query.n, sub: caller.sub } };
});

function event(
  overrides: Partial<APIGatewayProxyEventV2> & { groups?: string } = {},
): APIGatewayProxyEventV2 {
  const { groups = '[employer]', ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: 'POST /v1/echo/{id}',
    rawPath: '/v1/echo/7',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    pathParameters: { id: '7' },
    body: JSON.stringify({ word: 'hello' }),
    isBase64Encoded: false,
    requestContext: {
      authorizer: { jwt: { claims: { sub: 'acme', 'cognito:groups': groups }, scopes: null } },
    } as never,
    ...rest,
  };
}

const call = async (e: APIGatewayProxyEventV2) => {
  const result = (await echo(e, localContext('test') as Context)) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode,
    headers: result.headers ?? {},
    body: result.body ? JSON.parse(result.body) : undefined,
  };
};

describe('groups claim', () => {
  it('parses API Gateway strings and plain arrays, dropping unknown groups', () => {
    expect(parseGroupsClaim('[employer admin]')).toEqual(['employer', 'admin']);
    expect(parseGroupsClaim('[seeker]')).toEqual(['seeker']);
    expect(parseGroupsClaim(['planner', 'root'])).toEqual(['planner']);
    expect(parseGroupsClaim(undefined)).toEqual([]);
  });
});

describe('If-Match', () => {
  it('reads strong, weak and bare versions; refuses anything else', () => {
    expect(ifMatchVersion({ 'if-match': '"3"' })).toBe(3);
    expect(ifMatchVersion({ 'if-match': 'W/"12"' })).toBe(12);
    expect(ifMatchVersion({ 'if-match': '4' })).toBe(4);
    expect(ifMatchVersion({})).toBeUndefined();
    expect(() => ifMatchVersion({ 'if-match': '*' })).toThrow(/Invalid input/);
  });
});

describe('httpHandler', () => {
  it('types a result by its route: a body that does not fit the output schema fails tsc', async () => {
    const typed = defineRoute({
      operationId: 'testTyped',
      method: 'GET',
      path: '/v1/typed',
      summary: 'typed',
      tags: [],
      access: ['employer'],
      responses: { 200: { description: 'A word', schema: z.object({ word: z.string() }) } },
    });
    // @ts-expect-error `word` must be a string
    httpHandler(typed, async () => ({ status: 200, body: { word: 1 } }));
    // @ts-expect-error 201 is not an answer of this route
    httpHandler(typed, async () => ({ status: 201, body: { word: 'a' } }));
    const fits = httpHandler(typed, async () => ({ status: 200, body: { word: 'a' } }));
    const result = (await fits(
      event({ routeKey: 'GET /v1/typed', rawPath: '/v1/typed', body: '' }),
      localContext('test') as Context,
    )) as APIGatewayProxyStructuredResultV2;
    expect(JSON.parse(result.body ?? '')).toEqual({ word: 'a' });
  });

  it('parses params, query and body and passes the caller', async () => {
    const result = await call(event({ queryStringParameters: { n: '2' } }));
    expect(result).toMatchObject({ status: 200, body: { word: 'hello', id: '7', n: 2, sub: 'acme' } });
  });

  it('answers 401 without claims and 403 for another group', async () => {
    expect((await call(event({ requestContext: {} as never }))).status).toBe(401);
    const forbidden = await call(event({ groups: '[seeker planner]' }));
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['content-type']).toBe('application/problem+json');
    // Who may call it, in words: never the group codes.
    expect(forbidden.body.detail).toBe('Cette action est réservée aux employeurs');
  });

  it('names every invalid field, wherever it is', async () => {
    const result = await call(
      event({ pathParameters: { id: 'x' }, queryStringParameters: { n: '9', m: '1' }, body: '{"word":1}' }),
    );
    expect(result.status).toBe(400);
    expect(result.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.word',
      'params.id',
      'query.m',
      'query.n',
    ]);
  });

  it('refuses malformed JSON, empty bodies and other media types', async () => {
    expect((await call(event({ body: '{"word":' }))).body.errors[0].field).toBe('body');
    expect((await call(event({ body: '' }))).status).toBe(400);
    expect((await call(event({ headers: { 'content-type': 'text/plain' } }))).status).toBe(415);
    expect(
      (await call(event({ headers: { 'content-type': 'application/json; charset=utf-8' } }))).status,
    ).toBe(200);
  });

  it('refuses bodies over 64 KB with 413, base64 or not', async () => {
    const big = JSON.stringify({ word: 'x'.repeat(maxBodyBytes) });
    expect((await call(event({ body: big }))).status).toBe(413);
    expect(
      (await call(event({ body: Buffer.from(big).toString('base64'), isBase64Encoded: true }))).status,
    ).toBe(413);
  });

  it('maps domain errors once, with ETag on 412', async () => {
    expect((await call(event({ body: '{"word":"missing"}' }))).status).toBe(404);
    const stale = await call(event({ body: '{"word":"stale"}' }));
    expect(stale.status).toBe(412);
    expect(stale.headers.etag).toBe('"4"');
  });

  it('answers 500 without leaking internals', async () => {
    const result = await call(event({ body: '{"word":"boom"}' }));
    expect(result.status).toBe(500);
    expect(JSON.stringify(result.body)).not.toContain('hunter2');
  });

  it('refuses prototype keys as unknown fields', async () => {
    const result = await call(event({ body: '{"word":"a","__proto__":{"admin":true}}' }));
    expect(result.status).toBe(400);
    expect(result.body.errors[0].field).toBe('body.__proto__');
  });
});

describe('idempotent routes', () => {
  it('are served by idempotentHttpHandler and only they: a mix-up fails when the function starts', () => {
    const idempotent = defineRoute({ ...route, operationId: 'testCreate', idempotent: true });
    const answer = async () => ({ status: 200 as const, body: {} });
    expect(() => httpHandler(idempotent, answer)).toThrow(/testCreate: an idempotent route/);
    expect(() => idempotentHttpHandler(route, answer)).toThrow(/testEcho: an idempotent route/);
    expect(() => idempotentHttpHandler(idempotent, answer)).not.toThrow();
  });
});
