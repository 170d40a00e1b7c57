import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { setting } from '../adapters/configuration';
import { observed } from '../adapters/powertools/observability';
import { type FieldIssue, ValidationError } from '../domain/errors';
import { zodIssues } from '../domain/validation';
import { type Language, preferredLanguage } from '../messages/language';
import { zodErrorMap } from '../messages/validation';
import { type Caller, callerOf } from './caller';
import { csvMediaType, toCsv, wantsCsv } from './csv';
import { HttpError } from './http-error';
import { problemFromError } from './problem';
import { redactingReplacer } from './redact';
import { type Responses, type ResultOf, type RouteContract, rateLimitOf } from './route-contract';

export const logger = new Logger({
  serviceName: 'bassin',
  logLevel: (process.env.LOG_LEVEL ?? 'INFO') as 'INFO',
  jsonReplacerFn: redactingReplacer,
});

/** Bodies above this are refused with 413 before any parsing. */
export const maxBodyBytes = 64 * 1024;
const jsonMediaTypes = /^application\/([a-z.+-]*\+)?json\s*(;|$)/i;

type Parsed<T> = T extends z.ZodMiniType ? z.output<T> : undefined;

export interface HttpRequest<Body, Query, Params> {
  body: Parsed<Body>;
  query: Parsed<Query>;
  params: Parsed<Params>;
  /** Lower-case names, as API Gateway HTTP APIs deliver them. */
  headers: Record<string, string | undefined>;
  /** The verified caller; undefined only on public routes. */
  caller: Caller;
  path: string;
  /** The reader's language from Accept-Language: French unless English is asked for. */
  language: Language;
}

/** Any route's result, as the edge writes it out (a handler's own is typed by its contract: `ResultOf`). */
export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The edge of every HTTP function: checks the caller's group, parses and validates
 * path, query and body against the route's contract, calls one operation, and maps
 * whatever it throws to problem+json in one place.
 */
export function httpHandler<
  Body extends z.ZodMiniType | undefined,
  Query extends z.ZodMiniType | undefined,
  Params extends z.ZodMiniType | undefined,
  Answers extends Responses,
>(
  contract: RouteContract<Body, Query, Params, Answers>,
  operation: (request: HttpRequest<Body, Query, Params>) => Promise<ResultOf<Answers>>,
  /** Only for an idempotent route, given by idempotentHttpHandler (shared/http/idempotency.ts). */
  idempotency?: MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>,
) {
  if (Boolean(contract.idempotent) !== Boolean(idempotency))
    throw new Error(
      `${contract.operationId}: an idempotent route is served by idempotentHttpHandler (shared/http/idempotency.ts), and only such a route`,
    );
  type Request = HttpRequest<Body, Query, Params>;
  const parsed = new WeakMap<APIGatewayProxyEventV2, Request>();
  const edge = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(observed())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(problemDetails(contract))
    // Caller and input are checked before anything is recorded (the idempotency lock):
    // a request refused here leaves no trace, so concurrent bad retries all get their 400.
    .use({ before: ({ event }) => void parsed.set(event, parseRequest(contract, event) as Request) });
  if (idempotency) edge.use(idempotency);
  return edge.handler(async (event) =>
    toResponse(
      contract,
      (await operation(parsed.get(event) as Request)) as HttpResult,
      event.headers?.accept,
    ),
  );
}

/** The caller (group checked) and path, query and body validated against the contract, all problems at once. */
function parseRequest(contract: RouteContract, event: APIGatewayProxyEventV2) {
  const caller = authorize(contract, event);
  const language = languageOf(event);
  const issues: FieldIssue[] = [];
  const check = <S extends z.ZodMiniType | undefined>(schema: S, input: unknown, where: string) =>
    validate(schema, input, where, issues, language);
  const request = {
    params: check(contract.params, event.pathParameters ?? {}, 'params'),
    query: check(contract.query, event.queryStringParameters ?? {}, 'query'),
    body: contract.body ? check(contract.body, readJsonBody(event), 'body') : undefined,
    headers: event.headers ?? {},
    caller: caller as Caller,
    path: event.rawPath,
    language,
  };
  if (issues.length > 0) throw new ValidationError(issues);
  return request;
}

// zod's own messages (lengths, types, options) are French unless a request asks for English.
z.config({ localeError: zodErrorMap('fr') });

const languageOf = (event: APIGatewayProxyEventV2) => preferredLanguage(event.headers?.['accept-language']);

function authorize(contract: RouteContract, event: APIGatewayProxyEventV2): Caller | undefined {
  if (contract.access === 'public') return undefined;
  const caller = callerOf(event as never);
  if (!caller) throw new HttpError(401, 'http.unauthenticated', { 'www-authenticate': 'Bearer' });
  if (contract.access !== 'signed-in' && !caller.groups.some((group) => contract.access.includes(group))) {
    throw new HttpError(403, 'http.forbidden', {}, [], { groups: contract.access });
  }
  return caller;
}

/** Validates one part of the request, adding its problems to `issues` so all parts are reported at once. */
function validate<S extends z.ZodMiniType | undefined>(
  schema: S,
  input: unknown,
  where: string,
  issues: FieldIssue[],
  language: Language,
): Parsed<S> {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(input, { error: zodErrorMap(language) });
  if (!result.success) issues.push(...zodIssues(result.error, where));
  return result.data as Parsed<S>;
}

function readJsonBody(event: APIGatewayProxyEventV2): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > maxBodyBytes) {
    throw new HttpError(413, 'http.tooLarge', {}, [], { bytes: bytes.byteLength, limit: maxBodyBytes });
  }
  if (bytes.byteLength === 0) {
    throw new ValidationError([{ field: 'body', message: 'http.bodyRequired' }]);
  }
  const contentType = event.headers?.['content-type'] ?? '';
  if (!jsonMediaTypes.test(contentType)) {
    throw new HttpError(415, 'http.notJson', { accept: 'application/json' });
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ValidationError([{ field: 'body', message: 'http.malformedJson' }]);
  }
}

/**
 * Every answer goes through its declared output schema: fields a schema does not name are
 * dropped, so a field added to a stored item can never reach a caller by accident (a
 * contact, a precise location). A body that does not fit its schema is our bug: a 500.
 */
function toResponse(
  contract: RouteContract,
  { status, body, headers }: HttpResult,
  accept?: string,
): APIGatewayProxyStructuredResultV2 {
  const limit = standardHeaders(contract);
  if (body === undefined) return { statusCode: status, headers: { ...limit, ...headers } };
  const schema = contract.responses[status]?.schema;
  const checked = schema ? schema.parse(body) : body;
  const dialect = contract.csv && status === 200 ? wantsCsv(accept) : undefined;
  if (contract.csv && dialect)
    return {
      statusCode: status,
      headers: {
        'content-type': `${csvMediaType}; charset=utf-8${dialect === 'machine' ? '' : `; profile=${dialect}`}`,
        ...limit,
        ...headers,
      },
      body: toCsv(contract.csv(checked), dialect),
    };
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...limit, ...headers },
    body: JSON.stringify(checked),
  };
}

function problemDetails(
  contract: RouteContract,
): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async (request) => {
      const response = problemFromError(
        request.error,
        request.event.rawPath,
        languageOf(request.event),
        contract,
      );
      const status = response.statusCode ?? 500;
      if (status >= 500) logger.error('request failed', { error: request.error as Error });
      else logger.info('request refused', { status, detail: request.error?.message });
      response.headers = { ...response.headers, ...standardHeaders(contract) };
      request.response = response;
    },
  };
}

/**
 * Headers on every answer: the route's rate limit, and the one browser origin allowed to
 * call the API (setting allowedOrigin: the web app's origin; the API's own origin by default).
 */
function standardHeaders(contract: RouteContract): Record<string, string> {
  const allowedOrigin = setting('allowedOrigin');
  return {
    'x-ratelimit-limit': String(rateLimitOf(contract)),
    ...(allowedOrigin ? { 'access-control-allow-origin': allowedOrigin } : {}),
  };
}
