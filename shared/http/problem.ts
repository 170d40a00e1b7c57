import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type FieldIssue } from '../domain/errors';
import { HttpError } from './http-error';
import { idempotencyStatus } from './idempotency';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const statusOfKind: Record<DomainError['kind'], number> = {
  validation: 400,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  unprocessable: 422,
};

/** RFC 9457 problem details; `errors` lists the offending fields for validation problems. */
export function problem(
  status: number,
  detail: string,
  options: { instance?: string; issues?: FieldIssue[]; headers?: Record<string, string> } = {},
): APIGatewayProxyStructuredResultV2 {
  const body: Record<string, unknown> = {
    type: 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    detail,
  };
  if (options.instance) body.instance = options.instance;
  if (options.issues?.length)
    body.errors = options.issues.map(({ field, message }) => ({ field, detail: message }));
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...options.headers },
    body: JSON.stringify(body),
  };
}

/** The one place where errors become HTTP answers. Unknown errors are a 500 without internals. */
export function problemFromError(error: unknown, instance?: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpError) {
    return problem(error.status, error.message, { instance, issues: error.issues, headers: error.headers });
  }
  if (error instanceof DomainError) {
    const issues = 'issues' in error ? (error.issues as FieldIssue[]) : [];
    const headers: Record<string, string> =
      'currentVersion' in error && typeof error.currentVersion === 'number' && error.currentVersion > 0
        ? { etag: `"${error.currentVersion}"` }
        : {};
    return problem(statusOfKind[error.kind], error.message, { instance, issues, headers });
  }
  const idempotency = idempotencyStatus(error);
  if (idempotency) {
    const detail =
      idempotency === 409
        ? 'A request with this Idempotency-Key is still being processed; retry shortly'
        : idempotency === 422
          ? 'This Idempotency-Key was used with a different body'
          : 'Invalid Idempotency-Key';
    return problem(idempotency, detail, {
      instance,
      issues: [{ field: 'headers.idempotency-key', message: detail }],
      ...(idempotency === 409 ? { headers: { 'retry-after': '1' } } : {}),
    });
  }
  if (isTransient(error)) {
    return problem(503, 'The service is busy; try again in a moment.', {
      instance,
      headers: { 'retry-after': '2' },
    });
  }
  return problem(500, 'Something went wrong on our side; it has been logged.', { instance });
}

const transientNames = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'TimeoutError',
  'RequestTimeout',
  'ServiceUnavailable',
  'InternalServerError',
]);

/** AWS errors that retrying later will fix: throttling, timeouts, service-side failures (after the SDK's own retries). */
function isTransient(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata, $retryable } = error as {
    name?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  return Boolean($retryable) || transientNames.has(name ?? '') || ($metadata?.httpStatusCode ?? 0) >= 500;
}
