import { describe, expect, it } from 'vitest';
import { routes } from '../../infra/routes';
import { concretePath, firstGroup, validBodies } from '../support/route-fixtures';
import { useLocalRuntime } from '../support/runtime';

const local = useLocalRuntime();

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/** Bad input on every route: always a 4xx problem+json naming the field, never a 5xx. */
describe.each(routes.filter((route) => route.contract.body))('$contract.method $contract.path', (route) => {
  const { method, path, operationId } = route.contract;
  const send = async (options: Parameters<typeof local.api.request>[2]) =>
    local.api.request(method, concretePath(path), {
      token: await local.api.token('bad-input', firstGroup(route)),
      headers: { 'if-match': '"1"', ...options?.headers },
      ...options,
    });
  const valid = () => validBodies[operationId]?.() as Record<string, unknown>;

  it('has a valid sample body in the fixtures', () => {
    expect(valid()).toBeTypeOf('object');
  });

  it('malformed JSON → 400 on body', async () => {
    const answer = await send({ rawBody: '{"title": "x",', headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(fieldsOf(answer.body)).toEqual(['body']);
  });

  it('missing body → 400', async () => {
    const answer = await send({ headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
  });

  it('wrong type of body → 400', async () => {
    for (const body of [[], 'text', 42, null]) {
      const answer = await send({ body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('unknown field → 400 naming it', async () => {
    const answer = await send({ body: { ...valid(), unexpected: true } });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toContain('body.unexpected');
  });

  it('every field of the sample with a wrong type → 400 naming that field', async () => {
    for (const [field, value] of Object.entries(valid())) {
      const wrong =
        typeof value === 'number' ? 'many' : typeof value === 'string' ? 12 : 'not-an-object-or-list';
      const answer = await send({ body: { ...valid(), [field]: wrong } });
      expect(answer.status, field).toBe(400);
      expect(
        fieldsOf(answer.body).some((f) => f.startsWith(`body.${field}`)),
        field,
      ).toBe(true);
    }
  });

  it('body over 64 KB → 413', async () => {
    const answer = await send({ body: { ...valid(), padding: 'x'.repeat(70 * 1024) } });
    expect(answer.status).toBe(413);
  });

  it('not JSON → 415', async () => {
    const answer = await send({
      rawBody: JSON.stringify(valid()),
      headers: { 'content-type': 'text/plain' },
    });
    expect(answer.status).toBe(415);
  });

  it('hostile values → 4xx, never 5xx', async () => {
    const hostile = [
      { ...valid(), constructor: { prototype: { admin: true } } },
      JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid()).slice(1)}`),
      { ...valid(), title: '\u0000\uffff\ud800' },
      nest(2000),
    ];
    for (const body of hostile) {
      const answer = await send({ body });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
  });
});

describe('unknown reference codes', () => {
  it('vacancy: unknown commune, ROME code and sector are named', async () => {
    const token = await local.api.token('codes', 'employer');
    const answer = await local.api.request('POST', '/v1/vacancies', {
      token,
      body: {
        ...(validBodies.postVacancy?.() as object),
        site: { commune: '64999' },
        occupation: 'H0000',
        sector: 'banking',
      },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body).sort()).toEqual(['body.occupation', 'body.sector', 'body.site.commune']);
  });

  it('seeker: unknown home commune and occupation are named', async () => {
    const token = await local.api.token('codes', 'seeker');
    const answer = await local.api.request('PUT', '/v1/seekers/me', {
      token,
      body: {
        ...(validBodies.putMyProfile?.() as object),
        home: { commune: '00000' },
        occupations: ['H2913', 'Z9999'],
      },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body).sort()).toEqual(['body.home.commune', 'body.occupations.1']);
  });
});

describe('bad query and path parameters', () => {
  it('are named, never a 5xx', async () => {
    const employer = await local.api.token('q', 'employer');
    const cases: [string, string][] = [
      ['/v1/employers/me/vacancies?limit=0', 'query.limit'],
      ['/v1/employers/me/vacancies?limit=abc', 'query.limit'],
      ['/v1/employers/me/vacancies?cursor=%7B%7D', 'query.cursor'],
      ['/v1/employers/me/vacancies?sort=asc', 'query.sort'],
      ['/v1/vacancies/not-a-uuid', 'params.id'],
      ['/v1/vacancies/%E0%A4%A', 'params.id'],
    ];
    for (const [path, field] of cases) {
      const answer = await local.api.request('GET', path, { token: employer });
      expect(answer.status, path).toBe(400);
      expect(fieldsOf(answer.body), path).toContain(field);
    }
  });

  it('reject a malformed If-Match', async () => {
    const employer = await local.api.token('q', 'employer');
    const answer = await local.api.request('PATCH', concretePath('/v1/vacancies/{id}'), {
      token: employer,
      body: { openings: 2 },
      headers: { 'if-match': 'yesterday' },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['headers.if-match']);
  });
});

function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
