import * as z from 'zod/mini';
import { type DomainError, type FieldIssue, UnprocessableError, ValidationError } from '../domain/errors';
import type { RouteContract } from './route-contract';

type Part = 'params' | 'query' | 'headers' | 'body';

const keysOf = (schema: z.ZodMiniType | undefined): string[] =>
  schema instanceof z.ZodMiniObject ? Object.keys(schema.shape) : [];

/** The part of this route's requests that carries `name`: a header it reads, or a key of its params, query or body. */
function partOf(contract: RouteContract, name: string): Part | undefined {
  if (contract.headers?.some((header) => header.name === name)) return 'headers';
  return (['params', 'query', 'body'] as const).find((part) => keysOf(contract[part]).includes(name));
}

/**
 * A domain error's fields as the route's requests carry them: the domain names the API's
 * field (`area`, `site.commune`, `idempotency-key`), the edge adds where it travels
 * (`query.area`, `body.site.commune`, `headers.idempotency-key`). A field the route's
 * requests do not carry (one of a stored vacancy a copy is made from, or one the edge has
 * already located) is left as it is.
 */
export function locateFields(contract: RouteContract, error: DomainError): DomainError {
  if (!(error instanceof ValidationError || error instanceof UnprocessableError)) return error;
  const issues = error.issues.map((issue): FieldIssue => {
    const part = partOf(contract, issue.field.split('.')[0] ?? '');
    return part ? { ...issue, field: `${part}.${issue.field}` } : issue;
  });
  return error instanceof ValidationError ? new ValidationError(issues) : new UnprocessableError(issues);
}
