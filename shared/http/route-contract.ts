import type * as z from 'zod/mini';

export const groups = ['employer', 'seeker', 'planner', 'admin'] as const;
export type Group = (typeof groups)[number];
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Headers an answer carries that clients read: its version, and where a created item lives. */
export type AnswerHeader = 'etag' | 'location';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodMiniType;
  /** Headers of this answer, declared in the OpenAPI document so typed clients see them. */
  headers?: AnswerHeader[];
}

/**
 * Everything the outside world may know about one route: method, path, who may call it,
 * what it accepts and answers. The route table (infra/routes.ts) pairs each contract with
 * the function that serves it; CDK, the local server, the OpenAPI document and the
 * role-matrix tests are all generated from that table.
 */
/** A route's answers by status. */
export type Responses = Record<number, ResponseSpec>;

export interface RouteContract<
  Body extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Query extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Params extends z.ZodMiniType | undefined = z.ZodMiniType | undefined,
  Answers extends Responses = Responses,
> {
  operationId: string;
  method: HttpMethod;
  /** API Gateway style, e.g. /v1/vacancies/{id}. */
  path: string;
  summary: string;
  tags: string[];
  /** 'public': no token; 'signed-in': any valid token; otherwise the groups allowed. */
  access: 'public' | 'signed-in' | readonly Group[];
  body?: Body;
  query?: Query;
  params?: Params;
  /** Requests per second (and burst) API Gateway lets through for this route; `defaultThrottle` otherwise. */
  throttle?: Throttle;
  /** Creating POSTs require an Idempotency-Key and replay the first response (shared/http/idempotency.ts). */
  idempotent?: boolean;
  /** Request headers the route reads, documented in OpenAPI; `credential` marks one that authenticates the call. */
  headers?: { name: string; required: boolean; description: string; credential?: boolean }[];
  responses: Answers;
  /** Also answers `Accept: text/csv` with these rows of the 200 body (shared/http/csv.ts). */
  // biome-ignore lint/suspicious/noExplicitAny: the body type is the 200 schema's output, checked at runtime
  csv?: (body: any) => Record<string, unknown>[];
}

export interface Throttle {
  rate: number;
  burst: number;
}

/** Route throttling unless a route says otherwise; sent to clients as X-RateLimit-Limit. */
export const defaultThrottle: Throttle = { rate: 50, burst: 100 };

/** The rate limit a route announces: its own throttle, else the default. */
export const rateLimitOf = (contract: { throttle?: Throttle | undefined }) =>
  (contract.throttle ?? defaultThrottle).rate;

export const defineRoute = <
  Body extends z.ZodMiniType | undefined = undefined,
  Query extends z.ZodMiniType | undefined = undefined,
  Params extends z.ZodMiniType | undefined = undefined,
  const Answers extends Responses = Responses,
>(
  contract: RouteContract<Body, Query, Params, Answers>,
) => contract;

/**
 * What a handler may answer: one of the route's successful statuses, with a body of that
 * status's schema (what its `parse` accepts; anything when the status declares none). A
 * body that does not fit is a type error, not a 500 at run time.
 */
export type ResultOf<Answers extends Responses> = {
  [Status in keyof Answers & number]: Status extends SuccessStatus
    ? {
        status: Status;
        headers?: Record<string, string>;
      } & (Answers[Status]['schema'] extends z.ZodMiniType
        ? { body: z.input<Answers[Status]['schema']> }
        : { body?: unknown })
    : never;
}[keyof Answers & number];

type SuccessStatus = 200 | 201 | 202 | 204;

/** Which groups may call a route; 'public' and 'signed-in' mean every group. */
export function allowedGroups(contract: Pick<RouteContract, 'access'>): readonly Group[] {
  return typeof contract.access === 'string' ? groups : contract.access;
}
