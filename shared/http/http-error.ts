import type { FieldIssue } from '../domain/errors';

/** Errors of the HTTP edge itself (not of the domain): auth, size, media type. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}
