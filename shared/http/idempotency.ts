import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyInconsistentStateError,
  IdempotencyItemNotFoundError,
  IdempotencyKeyError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { idempotencyRecords } from '../adapters/dynamodb/idempotency-records';
import { type HttpRequest, httpHandler } from './handler';
import { HttpError } from './http-error';
import type { Responses, ResultOf, RouteContract } from './route-contract';

type Middleware = MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>;

/** How long a key protects a POST: a client retrying within a day gets the first answer back. */
const keyLifetimeSeconds = 24 * 3600;
const keyFormat = /^[\x21-\x7e]{8,255}$/;
const owned = 'bassinIdempotencyOwned';

/**
 * `Idempotency-Key` on POSTs that create something, with Powertools idempotency: the first
 * request runs and its response is stored (one record per caller × key, expiring); a replay
 * gets the stored response; the same key with another body → 422; the
 * same key while the first is still running → 409; no key → 400. Where the records are
 * kept is the adapter's (idempotencyRecords), built on first use.
 */
export function idempotentRequests(operationId: string): Middleware {
  let powertools: Middleware | undefined;
  const inner = () => {
    powertools ??= makeHandlerIdempotent({
      persistenceStore: idempotencyRecords(operationId),
      config: new IdempotencyConfig({
        // Keys are scoped to the caller: two employers may pick the same key.
        eventKeyJmesPath: '[requestContext.authorizer.jwt.claims.sub, headers."idempotency-key"]',
        // The path too: the same key on another item (POST …/{id}/duplicate) is another request.
        payloadValidationJmesPath: '[rawPath, body]',
        throwOnNoIdempotencyKey: true,
        expiresAfterSeconds: keyLifetimeSeconds,
      }),
    }) as Middleware;
    return powertools;
  };
  return {
    before: async (request) => {
      const key = request.event.headers?.['idempotency-key'];
      if (!key || !keyFormat.test(key)) {
        throw new HttpError(400, 'idempotency.missing', {}, [
          { field: 'headers.idempotency-key', message: key ? 'idempotency.invalid' : 'idempotency.required' },
        ]);
      }
      const stored = await asHttpError(() => inner().before?.(request));
      // This request holds the in-progress record only if Powertools let it through.
      if (stored === undefined) (request.internal as Record<string, unknown>)[owned] = true;
      return stored;
    },
    after: (request) => asHttpError(() => inner().after?.(request)),
    // Middy runs every onError hook, even for a request refused in `before` (409, 422):
    // releasing the record then would delete the first request's lock. Only its owner may.
    onError: (request) =>
      (request.internal as Record<string, unknown>)[owned] ? inner().onError?.(request) : undefined,
  };
}

/**
 * Powertools' idempotency errors as the HTTP problems they mean (IETF Idempotency-Key draft),
 * here rather than in problem.ts: only the idempotent functions carry Powertools idempotency.
 */
async function asHttpError<T>(step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const status = idempotencyStatus(error);
    if (!status) throw error;
    const key =
      status === 409
        ? 'idempotency.inProgress'
        : status === 422
          ? 'idempotency.otherBody'
          : 'idempotency.invalid';
    throw new HttpError(status, key, status === 409 ? { 'retry-after': '1' } : {}, [
      { field: 'headers.idempotency-key', message: key },
    ]);
  }
}

function idempotencyStatus(error: unknown): number | undefined {
  if (error instanceof IdempotencyAlreadyInProgressError) return 409;
  // The record vanished or changed between Powertools' write and its read: the first
  // request just failed and released it. Retrying is the answer, not a 500.
  if (error instanceof IdempotencyItemNotFoundError || error instanceof IdempotencyInconsistentStateError)
    return 409;
  if (error instanceof IdempotencyValidationError) return 422;
  if (error instanceof IdempotencyKeyError) return 400;
  return undefined;
}

/**
 * The edge of a function whose route is idempotent (`idempotent: true`): httpHandler with
 * `Idempotency-Key` handling. A function of its own so that the other functions carry
 * neither Powertools idempotency nor the DynamoDB client it brings (health uses no table).
 */
export function idempotentHttpHandler<
  Body extends z.ZodMiniType | undefined,
  Query extends z.ZodMiniType | undefined,
  Params extends z.ZodMiniType | undefined,
  Answers extends Responses,
>(
  contract: RouteContract<Body, Query, Params, Answers>,
  operation: (request: HttpRequest<Body, Query, Params>) => Promise<ResultOf<Answers>>,
) {
  return httpHandler(contract, operation, idempotentRequests(contract.operationId));
}
