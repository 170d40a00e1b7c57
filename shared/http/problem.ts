import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type FieldIssue } from '../domain/errors';
import type { Language } from '../messages/language';
import { type ProblemKey, problemText, problemTitles } from '../messages/problems';
import { locateFields } from './field-locations';
import { HttpError } from './http-error';
import type { RouteContract } from './route-contract';

const statusOfKind: Record<DomainError['kind'], number> = {
  validation: 400,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  unprocessable: 422,
};

/**
 * RFC 9457 problem details; `errors` lists the offending fields for validation problems.
 * Title, detail and each field's detail are in the reader's language (French by default).
 */
export function problem(
  status: number,
  detail: string,
  options: {
    instance?: string | undefined;
    issues?: FieldIssue[];
    headers?: Record<string, string>;
    language?: Language;
  } = {},
): APIGatewayProxyStructuredResultV2 {
  const language = options.language ?? 'fr';
  const body: Record<string, unknown> = {
    type: 'about:blank',
    title: problemTitles[status]?.[language] ?? 'Error',
    status,
    detail,
  };
  if (options.instance) body.instance = options.instance;
  if (options.issues?.length)
    body.errors = options.issues.map(({ field, message, params }) => ({
      field,
      detail: problemText(message, language, params),
    }));
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/problem+json',
      'content-language': language,
      ...options.headers,
    },
    body: JSON.stringify(body),
  };
}

/**
 * The one place where errors become HTTP answers. Unknown errors are a 500 without internals.
 * A domain error's fields are located in the requests of `contract`, the route that failed.
 */
export function problemFromError(
  failed: unknown,
  instance?: string,
  language: Language = 'fr',
  contract?: RouteContract,
): APIGatewayProxyStructuredResultV2 {
  const error = contract && failed instanceof DomainError ? locateFields(contract, failed) : failed;
  const say = (key: ProblemKey, params?: Record<string, unknown>) => problemText(key, language, params);
  if (error instanceof HttpError) {
    return problem(error.status, say(error.key, error.params), {
      instance,
      issues: error.issues,
      headers: error.headers,
      language,
    });
  }
  if (error instanceof DomainError) {
    const issues = 'issues' in error ? (error.issues as FieldIssue[]) : [];
    const headers: Record<string, string> =
      'currentVersion' in error && typeof error.currentVersion === 'number' && error.currentVersion > 0
        ? { etag: `"${error.currentVersion}"` }
        : {};
    // A 422 says what cannot be done in its detail; other problems point to `errors`.
    const detail =
      error.kind === 'unprocessable'
        ? issues.map((issue) => problemText(issue.message, language, issue.params)).join(' ; ')
        : say(error.key, error.params);
    return problem(statusOfKind[error.kind], detail, { instance, issues, headers, language });
  }
  if (isTransient(error)) {
    return problem(503, say('http.busy'), { instance, headers: { 'retry-after': '2' }, language });
  }
  return problem(500, say('http.internal'), { instance, language });
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
