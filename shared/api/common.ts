import * as z from 'zod';
import { int32 } from '../domain/schema-parts';

export const problemDocument = z
  .object({
    type: z.string().max(200),
    title: z.string().max(100),
    status: int32(400, 599),
    detail: z.string().max(1000),
    instance: z.string().max(2048).optional(),
    errors: z
      .array(z.object({ field: z.string().max(200), detail: z.string().max(500) }))
      .max(100)
      .optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).meta({ format: 'int32' }).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});

export const idParams = z.strictObject({ id: z.uuid().max(36) });

export const pageOf = <T extends z.ZodType, Extra extends z.ZodRawShape = Record<never, never>>(
  item: T,
  id: string,
  extra?: Extra,
) =>
  z
    .object({ items: z.array(item).max(100), nextCursor: z.string().max(2048).optional(), ...extra })
    .meta({ id });

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
