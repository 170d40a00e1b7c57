import type { FieldIssue } from '../domain/errors';
import { type ProblemKey, problemText } from '../messages/problems';

/** Errors of the HTTP edge itself (not of the domain): auth, size, media type. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly key: ProblemKey,
    readonly headers: Record<string, string> = {},
    readonly issues: FieldIssue[] = [],
    readonly params: Record<string, unknown> = {},
  ) {
    super(problemText(key, 'en', params));
  }
}
