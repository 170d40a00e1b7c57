/** Typed domain errors. They carry no HTTP: shared/http/problem.ts maps each kind once. */
export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "site.commune" or "query.limit". */
  field: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind:
    | 'validation'
    | 'not-found'
    | 'conflict'
    | 'precondition-failed'
    | 'precondition-required'
    | 'unprocessable';
}

export class ValidationError extends DomainError {
  readonly kind = 'validation';
  constructor(readonly issues: FieldIssue[]) {
    super(`Invalid input in ${[...new Set(issues.map((i) => i.field))].join(', ')}: see errors`);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** Well-formed input that cannot be acted on, e.g. a commune with no known coordinates. */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

/** The caller's If-Match version is not the stored one. */
export class PreconditionFailedError extends DomainError {
  readonly kind = 'precondition-failed';
  constructor(readonly currentVersion: number) {
    super(`The resource has changed: current version is ${currentVersion}`);
  }
}

/** An update must say which version it is based on (If-Match). */
export class PreconditionRequiredError extends DomainError {
  readonly kind = 'precondition-required';
  constructor() {
    super('This update needs an If-Match header with the version you read');
  }
}
