import * as z from 'zod/mini';
import { boundedString, int32, queryInt32 } from '../domain/schema-parts';

export const problemDocument = /* @__PURE__ */ (() =>
  z
    .object({
      type: boundedString(200),
      title: boundedString(100),
      status: int32(400, 599),
      detail: boundedString(1000),
      instance: z.optional(boundedString(2048)),
      errors: z.optional(
        z.array(z.object({ field: boundedString(200), detail: boundedString(500) })).check(z.maxLength(100)),
      ),
    })
    .register(z.globalRegistry, { id: 'Problem', description: 'RFC 9457 problem details' }))();

export const pageQuery = /* @__PURE__ */ (() =>
  z.strictObject({
    limit: z._default(queryInt32(1, 100), 20),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
  }))();

export const idParams = /* @__PURE__ */ (() => z.strictObject({ id: z.uuid().check(z.maxLength(36)) }))();

export const pageOf = <T extends z.ZodMiniType, Extra extends z.core.$ZodShape = Record<never, never>>(
  item: T,
  id: string,
  extra?: Extra,
) =>
  z
    .object({
      items: z.array(item).check(z.maxLength(100)),
      nextCursor: z.optional(boundedString(2048)),
      ...extra,
    })
    .register(z.globalRegistry, { id });

/** Responses every signed-in route can give besides its own. */
export const commonProblems = {
  400: { description: 'Invalid input; `errors` names each offending field', schema: problemDocument },
  401: { description: 'Missing or invalid bearer token', schema: problemDocument },
  403: { description: 'Your role may not call this route', schema: problemDocument },
} as const;

export const ifMatchHeader = (required: boolean) => ({
  name: 'if-match',
  required,
  description: 'The version you read (ETag), e.g. "3"',
});
