import type * as z from 'zod/mini';
import type { FieldIssue } from './errors';

/**
 * zod issues as field paths a client can act on: "site.commune", or under `prefix`
 * ("source.site.commune"; the HTTP edge passes where the input travelled: "query.limit").
 */
export function zodIssues(error: z.core.$ZodError, prefix?: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [...(prefix === undefined ? [] : [prefix]), ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: `${path}.${key}`, message: 'http.unknownField' }));
    }
    const params =
      issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined;
    return [{ field: path, message: issue.message, ...(params ? { params } : {}) }];
  });
}
