/**
 * Typed domain errors. They carry no HTTP (shared/http/problem.ts maps each kind once) and
 * no sentence: a key of the message catalogue (shared/messages/problems.ts) and its params,
 * rendered in the reader's language at the edge. `message` is the English text, for logs.
 */
import { type ProblemKey, problemText } from '../messages/problems';

export interface FieldIssue {
  /**
   * Dotted path of the offending field as the API names it, e.g. "site.commune" or "area";
   * where it travels in a request ("body.site.commune", "query.area") is added at the HTTP
   * edge (shared/http/field-locations.ts), which also reports its own fields so.
   */
  field: string;
  /** A catalogue key (or, for zod's own checks, a message already in the reader's language). */
  message: string;
  params?: Record<string, unknown>;
}

export abstract class DomainError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'not-found'
    | 'conflict'
    | 'precondition-failed'
    | 'precondition-required'
    | 'unprocessable';

  constructor(
    readonly key: ProblemKey,
    readonly params: Record<string, unknown> = {},
  ) {
    super(problemText(key, 'en', params));
  }
}

const fieldsOf = (issues: FieldIssue[]) => [...new Set(issues.map((i) => i.field))].join(', ');

export class ValidationError extends DomainError {
  readonly kind = 'validation';
  constructor(readonly issues: FieldIssue[]) {
    super('http.invalid', { fields: fieldsOf(issues) });
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** Well-formed input that cannot be acted on, e.g. a commune with no known coordinates. */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable';
  constructor(readonly issues: FieldIssue[]) {
    super('http.invalid', { fields: fieldsOf(issues) });
  }
}

/** The caller's If-Match version is not the stored one. */
export class PreconditionFailedError extends DomainError {
  readonly kind = 'precondition-failed';
  constructor(readonly currentVersion: number) {
    super('precondition.failed', { version: currentVersion });
  }
}

/** An update must say which version it is based on (If-Match). */
export class PreconditionRequiredError extends DomainError {
  readonly kind = 'precondition-required';
  constructor() {
    super('precondition.required');
  }
}
