import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { localAudience, localIssuer } from '../../infra/local/identity';
import { routes } from '../../infra/routes';
import { allowedGroups, groups } from '../../shared/http/route-contract';
import { concretePath, validBodies } from '../support/route-fixtures';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

let dataDir: string;

const local = useLocalRuntime(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bassin-access-'));
  return { dataDir };
});

const protectedRoutes = routes.filter((route) => route.contract.access !== 'public');
const callRoute = (route: (typeof routes)[number], token?: string) =>
  local.api.request(route.contract.method, concretePath(route.contract.path), {
    ...(token ? { token } : {}),
    ...(validBodies[route.contract.operationId] ? { body: validBodies[route.contract.operationId]?.() } : {}),
  });

describe('route × role matrix (generated from the route table)', () => {
  for (const route of protectedRoutes) {
    const { method, path } = route.contract;
    const allowed = allowedGroups(route.contract);

    it(`${method} ${path}: 401 without a token`, async () => {
      const answer = await callRoute(route);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    });

    for (const group of groups) {
      const may = allowed.includes(group);
      it(`${method} ${path}: ${group} ${may ? 'may' : 'may not'} call it`, async () => {
        const answer = await callRoute(route, await local.api.token(`${group}-user`, group));
        if (may) expect([401, 403]).not.toContain(answer.status);
        else expect(answer.status).toBe(403);
      });
    }
  }
});

/**
 * How to make an object owned by someone, for each kind of {id}: a new {id} route whose
 * kind is not here fails the test below, so it cannot skip the ownership check.
 */
const owned: Record<string, () => Promise<{ id: string; other: string; unchanged: () => Promise<unknown> }>> =
  {
    '/v1/vacancies/': async () => {
      const owner = await local.api.token('owner-co', 'employer');
      const posted = await local.api.request('POST', '/v1/vacancies', {
        token: owner,
        body: welderVacancy(),
      });
      const read = async () =>
        (await local.api.request('GET', `/v1/vacancies/${posted.body.id}`, { token: owner })).body;
      return { id: posted.body.id, other: await local.api.token('other-co', 'employer'), unchanged: read };
    },
    '/v1/matches/': async () => ownedMatch(),
    '/v1/seekers/me/matches/': async () => ownedMatch(),
  };

/** A seeker's match: the {id} of /v1/matches/{id}/… and of their offer page. */
async function ownedMatch() {
  const owner = await local.api.token('matched-seeker', 'seeker');
  const employer = await local.api.token('owner-co', 'employer');
  await local.api.request('PUT', '/v1/seekers/me', { token: owner, body: paluSeekerProfile() });
  await local.api.request('POST', '/v1/vacancies', { token: employer, body: welderVacancy() });
  await local.runtime.feed.idle();
  const read = async () =>
    (await local.api.request('GET', '/v1/seekers/me/matches', { token: owner })).body.items[0];
  const match = (await read()) as { id: string };
  return { id: match.id, other: await local.api.token('other-seeker', 'seeker'), unchanged: read };
}

/**
 * {id} kinds that are deliberately shared, with why: the test then checks that a
 * concurrent edit by a colleague with a stale version is refused and changes nothing.
 */
/** A team item written twice (version 2) by one planner, read back from its list route. */
const teamItem = (collection: string, operationId: string) => async () => {
  const owner = await local.api.token(`${collection}-planner`, 'planner');
  const id = `shared-${Date.now()}`;
  const body = validBodies[operationId]?.();
  const path = `/v1/planning/${collection}`;
  expect((await local.api.request('PUT', `${path}/${id}`, { token: owner, body })).status).toBe(201);
  await local.api.request('PUT', `${path}/${id}`, { token: owner, body, headers: { 'if-match': '"1"' } });
  const read = async () =>
    (await local.api.request('GET', path, { token: owner })).body.items.find(
      (item: { id: string }) => item.id === id,
    );
  return { id, other: await local.api.token('colleague-planner', 'planner'), unchanged: read };
};

const shared: Record<
  string,
  { why: string; make: () => Promise<{ id: string; other: string; unchanged: () => Promise<unknown> }> }
> = {
  '/v1/planning/areas/': {
    why: "areas belong to the territory's planning team: every planner may edit them, If-Match guards edits",
    make: teamItem('areas', 'putPlanningArea'),
  },
  '/v1/planning/scenarios/': {
    why: "scenarios belong to the territory's planning team, like areas: every planner may edit them, If-Match guards edits",
    make: teamItem('scenarios', 'putMobilityScenario'),
  },
};

describe('shared {id} routes', () => {
  for (const route of routes.filter((r) =>
    Object.keys(shared).some((prefix) => r.contract.path.startsWith(prefix)),
  )) {
    const kind =
      shared[Object.keys(shared).find((prefix) => route.contract.path.startsWith(prefix)) as string];
    it(`${route.contract.method} ${route.contract.path}: ${kind?.why}`, async () => {
      const resource = await kind?.make();
      if (!resource) throw new Error('no fixture');
      const before = await resource.unchanged();
      expect(before).toMatchObject({ version: 2 });
      const answer = await local.api.request(
        route.contract.method,
        concretePath(route.contract.path, resource.id),
        {
          token: resource.other,
          headers: { 'if-match': '"1"' },
          body: validBodies[route.contract.operationId]?.(),
        },
      );
      expect(answer.status).toBe(412);
      expect(await resource.unchanged()).toEqual(before);
    });
  }
});

describe('object-level access on every {id} route', () => {
  const idRoutes = routes.filter(
    (route) =>
      route.contract.path.includes('{id}') &&
      !Object.keys(shared).some((prefix) => route.contract.path.startsWith(prefix)),
  );

  for (const route of idRoutes) {
    it(`${route.contract.method} ${route.contract.path}: another owner's id answers 404`, async () => {
      const kind = Object.keys(owned).find((prefix) => route.contract.path.startsWith(prefix));
      expect(kind, 'add a fixture for this kind of {id} to `owned`').toBeDefined();
      const resource = await owned[kind as string]?.();
      if (!resource) throw new Error('no fixture');
      const before = await resource.unchanged();
      expect(before).toBeDefined();
      const answer = await local.api.request(
        route.contract.method,
        concretePath(route.contract.path, resource.id),
        {
          token: resource.other,
          headers: { 'if-match': '"1"' },
          ...(validBodies[route.contract.operationId]
            ? { body: validBodies[route.contract.operationId]?.() }
            : {}),
        },
      );
      expect(answer.status).toBe(404);
      expect(await resource.unchanged()).toEqual(before);
    });
  }
});

describe('token verification', () => {
  let key: Awaited<ReturnType<typeof importJWK>>;
  let kid: string;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = () => ({
    sub: 'mallory',
    'cognito:groups': ['planner'],
    scope: 'bassin/planner',
    token_use: 'access',
    client_id: localAudience,
  });
  const sign = (
    payload: Record<string, unknown>,
    options: { iss?: string; aud?: string; exp?: number; nbf?: number } = {},
  ) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(options.iss ?? localIssuer)
      .setAudience(options.aud ?? localAudience)
      .setIssuedAt()
      .setNotBefore(options.nbf ?? now() - 5)
      .setExpirationTime(options.exp ?? now() + 600)
      .sign(key);
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const sectors = (token: string) => local.api.request('GET', '/v1/ref/sectors', { token });

  beforeAll(async () => {
    const jwk = JSON.parse(await readFile(join(dataDir, 'dev-signing-key.json'), 'utf8')) as JWK;
    kid = jwk.kid as string;
    key = await importJWK(jwk, 'RS256');
  });

  it('accepts a token signed by the runtime key (control)', async () => {
    expect((await sectors(await sign(claims()))).status).toBe(200);
  });

  it.each([
    ['expired', async () => sign(claims(), { exp: now() - 10 })],
    ['not yet valid', async () => sign(claims(), { nbf: now() + 600 })],
    ['for another audience', async () => sign(claims(), { aud: 'someone-else' })],
    ['from another issuer', async () => sign(claims(), { iss: 'https://evil.example/' })],
    ['an ID token, not an access token', async () => sign({ ...claims(), token_use: 'id' })],
    [
      'unsigned (alg: none)',
      async () =>
        `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), iss: localIssuer, aud: localAudience, exp: now() + 600 })}.`,
    ],
    [
      'HS256-signed',
      async () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'HS256', kid })
          .setIssuer(localIssuer)
          .setAudience(localAudience)
          .setExpirationTime(now() + 600)
          .sign(new TextEncoder().encode('a-shared-secret-that-nobody-should-trust')),
    ],
    [
      'tampered (groups raised after signing)',
      async () => {
        const [header, , signature] = (await local.api.token('mallory', 'seeker')).split('.');
        return `${header}.${b64({ ...claims(), 'cognito:groups': ['admin'], iss: localIssuer, aud: localAudience, exp: now() + 600 })}.${signature}`;
      },
    ],
    [
      'without an expiry (valid forever if stolen)',
      async () =>
        new SignJWT(claims())
          .setProtectedHeader({ alg: 'RS256', kid })
          .setIssuer(localIssuer)
          .setAudience(localAudience)
          .setIssuedAt()
          .sign(key),
    ],
    ['garbage', async () => 'not-a-jwt'],
  ])('refuses a token that is %s with 401', async (_, make) => {
    const answer = await sectors(await make());
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses a token whose scopes do not cover the route (403), as API Gateway does', async () => {
    const scoped = (scope: string) =>
      sign({ ...claims(), 'cognito:groups': ['employer'], scope }).then((token) =>
        local.api.request('GET', '/v1/employers/me/vacancies', { token }),
      );
    expect((await scoped('bassin/seeker')).status).toBe(403);
    expect((await scoped('')).status).toBe(403);
    expect((await scoped('openid bassin/employer')).status).toBe(200);
  });

  it('refuses a token request with an unknown group or a bad subject', async () => {
    expect(
      (await local.api.request('POST', '/dev/token', { body: { sub: 'x', groups: ['root'] } })).status,
    ).toBe(400);
    expect(
      (await local.api.request('POST', '/dev/token', { body: { sub: '', groups: ['seeker'] } })).status,
    ).toBe(400);
    expect((await local.api.request('POST', '/dev/token', { rawBody: '{' })).status).toBe(400);
  });
});
