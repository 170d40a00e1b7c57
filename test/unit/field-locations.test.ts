import { describe, expect, it } from 'vitest';
import { oneClickUnsubscribeRoute } from '../../shared/api/notifications';
import { indicatorsRoute } from '../../shared/api/planning';
import { duplicateVacancyRoute, patchVacancyRoute, postVacancyRoute } from '../../shared/api/vacancies';
import { UnprocessableError, ValidationError } from '../../shared/domain/errors';
import { problemFromError } from '../../shared/http/problem';

/** The problem+json a route answers for an error its operation threw. */
const answer = (contract: Parameters<typeof problemFromError>[3], error: Error) => {
  const response = problemFromError(error, '/v1/x', 'en', contract);
  return { status: response.statusCode, ...JSON.parse(String(response.body)) };
};
const fields = (body: { errors?: { field: string }[] }) => body.errors?.map((e) => e.field);

describe('domain fields located by the HTTP edge', () => {
  it('puts a field in the part of the request that carries it: query, body or header', () => {
    const area = answer(
      indicatorsRoute,
      new ValidationError([{ field: 'area', message: 'planning.unknownArea' }]),
    );
    expect(area.status).toBe(400);
    expect(fields(area)).toEqual(['query.area']);
    // The detail names the located field too.
    expect(area.detail).toContain('query.area');
    const site = answer(
      postVacancyRoute,
      new UnprocessableError([
        { field: 'site.commune', message: 'location.site', params: { commune: 'Pau' } },
        { field: 'idempotency-key', message: 'idempotency.otherBody' },
      ]),
    );
    expect(site.status).toBe(422);
    expect(fields(site)).toEqual(['body.site.commune', 'headers.idempotency-key']);
    const token = answer(
      oneClickUnsubscribeRoute,
      new ValidationError([{ field: 'x-unsubscribe-token', message: 'unsubscribe.invalid' }]),
    );
    expect(fields(token)).toEqual(['headers.x-unsubscribe-token']);
  });

  it('leaves fields the request does not carry, and those the edge already located, as they are', () => {
    const copy = answer(
      duplicateVacancyRoute,
      new ValidationError([{ field: 'source.title', message: 'field.required' }]),
    );
    expect(fields(copy)).toEqual(['source.title']);
    const version = answer(
      patchVacancyRoute,
      new ValidationError([
        { field: 'headers.if-match', message: 'http.ifMatch' },
        { field: 'salary.max', message: 'field.required' },
      ]),
    );
    expect(fields(version)).toEqual(['headers.if-match', 'body.salary.max']);
  });
});
