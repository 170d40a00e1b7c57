import { randomUUID } from 'node:crypto';
import type { Group } from '../../shared/http/route-contract';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests inspect JSON answers freely
  body: any;
}

/** A tiny HTTP client for end-to-end tests against the local runtime. */
export function apiClient(baseUrl: string) {
  async function request(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    // Creating POSTs need an Idempotency-Key; tests that are not about it get a fresh one.
    if (method === 'POST' && /^\/v1\/vacancies(\/[^/]+\/duplicate)?$/.test(path))
      headers['idempotency-key'] ??= `test-${randomUUID()}`;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if (text && /json/.test(response.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: text ? parsed : undefined };
  }

  async function token(sub: string, ...groups: Group[]): Promise<string> {
    const answer = await request('POST', '/dev/token', { body: { sub, groups } });
    if (answer.status !== 200) throw new Error(`token: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.token;
  }

  return { request, token };
}
