import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routes } from '../../infra/routes';
import { allowedGroups } from '../../shared/http/route-contract';
import { hostileString, hostileValue, runs, segment, sendAll } from '../support/fuzz';
import { concretePath, validBodies } from '../support/route-fixtures';
import { useLocalRuntime } from '../support/runtime';

// One of three property-based files (hostile requests, valid bodies, valid queries): apart, they run side by side.
const local = useLocalRuntime();

describe(`property-based: ${runs} hostile requests per route never get a 5xx`, () => {
  for (const route of routes) {
    const { method, path, operationId } = route.contract;
    it(`${method} ${path}`, async () => {
      const group = allowedGroups(route.contract)[0] ?? 'employer';
      const token =
        route.contract.access === 'public' ? undefined : await local.api.token(`fuzz-${group}`, group);
      const valid = validBodies[operationId]?.() as Record<string, unknown> | undefined;
      const inputs = fc.sample(
        fc.record({
          id: hostileString,
          query: fc.dictionary(
            fc.constantFrom('limit', 'cursor', 'q', 'from', 'to', 'mode', 'hour', 'x'),
            hostileString,
            { maxKeys: 4 },
          ),
          body: valid
            ? fc.oneof(
                hostileValue,
                fc
                  .record({ field: fc.constantFrom(...Object.keys(valid)), value: hostileValue })
                  .map(({ field, value }) => ({ ...valid, [field]: value })),
              )
            : hostileValue,
          rawBody: fc.option(hostileString, { nil: undefined }),
        }),
        { numRuns: runs, seed: 2026 },
      );
      const statuses = await sendAll(inputs, async ({ id, query, body, rawBody }) => {
        const search = new URLSearchParams(query as Record<string, string>).toString();
        const target = `${concretePath(path, segment(id))}${search ? `?${search}` : ''}`;
        const payload =
          rawBody !== undefined ? { rawBody, headers: { 'content-type': 'application/json' } } : { body };
        const answer = await local.api.request(method, target, {
          ...(token ? { token } : {}),
          // Bodies go where a body is possible; GET and DELETE get the hostile path and query only.
          ...(method === 'GET' || method === 'DELETE' ? {} : payload),
        });
        return answer.status;
      });
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
    }, 120_000);
  }
});
