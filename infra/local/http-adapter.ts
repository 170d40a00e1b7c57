import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { HttpError } from '../../shared/http/http-error';
import { problemFromError } from '../../shared/http/problem';
import { routeScopes } from '../../shared/http/scopes';
import { preferredLanguage } from '../../shared/messages/language';
import type { ProblemKey } from '../../shared/messages/problems';
import type { RouteEntry } from '../routes';
import { localContext } from './change-feed';
import { apiGatewayClaims, type DevIdentity } from './identity';
import { loadHandler } from './load-handler';

type HttpFunction = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** API Gateway HTTP APIs answer 503 after 30 s, whatever the function's timeout. */
const apiGatewayTimeoutMs = 30_000;
/** API Gateway HTTP APIs refuse payloads over 10 MB before any function runs. */
const gatewayPayloadLimit = 10 * 1024 * 1024;

/** What API Gateway answers itself (no route, no token…), in the caller's language like the functions' problems. */
function gatewayProblem(
  request: IncomingMessage,
  status: number,
  message: ProblemKey,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const refusal = new HttpError(status, message, headers, [], params);
  return problemFromError(refusal, undefined, preferredLanguage(request.headers['accept-language']));
}

interface CompiledRoute {
  entry: RouteEntry;
  pattern: RegExp;
  routeKey: string;
}

export interface AdapterOptions {
  routes: RouteEntry[];
  identity: DevIdentity;
  /**
   * The deadline each invocation gets; an Idempotency-Key held by a request that died is
   * free after it. Default 30 s, API Gateway's limit: longer than the functions' 10 s in AWS,
   * as here one process also runs every consumer.
   */
  functionTimeoutMs?: number;
  /** Extra handlers tried before the route table (the /dev endpoints). */
  extra?: (request: IncomingMessage, body: Buffer) => Promise<APIGatewayProxyStructuredResultV2 | undefined>;
}

/**
 * Serves the route table the way API Gateway (HTTP API, payload v2) would: matches the
 * route, runs the JWT authorizer, builds an APIGatewayProxyEventV2, invokes the function
 * from its entry file and writes its structured result back.
 */
export function createApiAdapter({ routes, identity, extra, functionTimeoutMs }: AdapterOptions) {
  const compiled: CompiledRoute[] = routes.map((entry) => ({
    entry,
    routeKey: `${entry.contract.method} ${entry.contract.path}`,
    pattern: new RegExp(
      `^${entry.contract.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, '(?<$1>[^/]+)')}$`,
    ),
  }));
  const functions = new Map<string, Promise<HttpFunction>>();
  const load = (entry: string) => {
    let loaded = functions.get(entry);
    if (!loaded) {
      loaded = loadHandler<HttpFunction>(entry);
      functions.set(entry, loaded);
    }
    return loaded;
  };

  async function handle(request: IncomingMessage, body: Buffer): Promise<APIGatewayProxyStructuredResultV2> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = (request.method ?? 'GET').toUpperCase();
    const special = await extra?.(request, body);
    if (special) return special;

    const candidates = compiled
      .map((route) => ({ route, match: route.pattern.exec(url.pathname) }))
      .filter((c) => c.match !== null);
    const hit = candidates.find((c) => c.route.entry.contract.method === method);
    if (!hit) {
      if (candidates.length === 0)
        return gatewayProblem(request, 404, 'http.noRoute', { path: url.pathname });
      const allow = candidates.map((c) => c.route.entry.contract.method).join(', ');
      return gatewayProblem(request, 405, 'http.methodNotAllowed', { method, allow }, { allow });
    }
    const { route, match } = hit;
    if (body.byteLength > gatewayPayloadLimit)
      return gatewayProblem(request, 413, 'http.tooLarge', {
        bytes: body.byteLength,
        limit: gatewayPayloadLimit,
      });

    let claims: Record<string, string | number | boolean> | undefined;
    let scopes: string[] | undefined;
    if (route.entry.contract.access !== 'public') {
      const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      const payload = token ? await identity.verify(token).catch(() => undefined) : undefined;
      if (!payload)
        return gatewayProblem(request, 401, 'http.unauthenticated', {}, { 'www-authenticate': 'Bearer' });
      // API Gateway's JWT authorizer: the token must hold one of the route's scopes.
      scopes = String(payload.scope ?? '')
        .split(' ')
        .filter(Boolean);
      const required = routeScopes(route.entry.contract);
      if (required.length > 0 && !required.some((scope) => scopes?.includes(scope))) {
        return gatewayProblem(request, 403, 'http.forbidden', { groups: route.entry.contract.access });
      }
      claims = apiGatewayClaims(payload);
    }

    const event = toEventV2(request, url, body, route.routeKey, match?.groups ?? {}, claims, scopes);
    const fn = await load(route.entry.entry);
    const result = await fn(event, localContext(route.entry.entry, functionTimeoutMs ?? apiGatewayTimeoutMs));
    return result ?? { statusCode: 204 };
  }

  return async function serve(request: IncomingMessage, response: ServerResponse) {
    let result: APIGatewayProxyStructuredResultV2;
    try {
      const body = await readBody(request, gatewayPayloadLimit + 1);
      result = await handle(request, body);
    } catch (error) {
      console.error('local adapter: unhandled error', error);
      result = gatewayProblem(request, 500, 'http.internal');
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(result.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    response.writeHead(result.statusCode ?? 200, headers);
    response.end(
      result.body === undefined
        ? undefined
        : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
    );
  };
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolveBody(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function toEventV2(
  request: IncomingMessage,
  url: URL,
  body: Buffer,
  routeKey: string,
  pathParameters: Record<string, string>,
  claims: Record<string, string | number | boolean> | undefined,
  scopes: string[] | undefined,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && name !== 'cookie')
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams)
    query[name] = name in query ? `${query[name]},${value}` : value;
  const text = body.toString('utf8');
  // Like API Gateway: text stays text, anything that is not valid UTF-8 arrives base64-encoded.
  const binary = body.byteLength > 0 && !Buffer.from(text, 'utf8').equals(body);
  const now = new Date();
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: request.headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: (request.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: request.headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: scopes?.length ? scopes : null } } } : {}),
    },
    isBase64Encoded: binary,
  };
  if (request.headers.cookie) event.cookies = request.headers.cookie.split(/;\s*/);
  if (Object.keys(query).length > 0) event.queryStringParameters = query;
  if (Object.keys(pathParameters).length > 0) {
    event.pathParameters = Object.fromEntries(
      Object.entries(pathParameters).map(([name, value]) => [name, safeDecode(value)]),
    );
  }
  if (body.byteLength > 0) event.body = binary ? body.toString('base64') : text;
  return event;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
