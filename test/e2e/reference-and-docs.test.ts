import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../infra/routes';
import { useLocalRuntime } from '../support/runtime';

let token: string;

const local = useLocalRuntime();
beforeAll(async () => {
  token = await local.api.token('planner-1', 'planner');
});

describe('reference data through the local API', () => {
  it('lists sectors with their NAF codes', async () => {
    const answer = await local.api.request('GET', '/v1/ref/sectors', { token });
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((s: { slug: string }) => s.slug)).toEqual(
      expect.arrayContaining(['aeronautics', 'agrifood', 'chemistry', 'geoscience', 'energy', 'logistics']),
    );
  });

  it('searches occupations', async () => {
    const answer = await local.api.request(
      'GET',
      `/v1/ref/occupations?q=${encodeURIComponent('soudeuse')}&limit=3`,
      {
        token,
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.items).toHaveLength(3);
    expect(answer.body.items[0]).toMatchObject({
      label: 'Soudeur / Soudeuse',
      occupation: { code: 'H2913', label: 'Soudeur / Soudeuse' },
      parent: { code: 'H2913', label: 'Soudage manuel' },
    });
    const skills = await local.api.request('GET', '/v1/ref/skills?occupation=H2913&q=lecture%20plan', {
      token,
    });
    expect(skills.body.items[0]).toMatchObject({
      code: '103070',
      label: 'Lecture de plan, de schéma',
      ofOccupation: true,
    });
    const sectors = await local.api.request('GET', `/v1/ref/sectors?q=${encodeURIComponent('métallurgie')}`, {
      token,
    });
    expect(sectors.body.items.map((s: { label: string }) => s.label)).toEqual([
      'Métallurgie et travail des métaux',
    ]);
  });

  it('searches communes by accent-free name or postal code, with their EPCI', async () => {
    const byName = await local.api.request(
      'GET',
      `/v1/ref/communes?q=${encodeURIComponent('oloron sainte')}`,
      {
        token,
      },
    );
    expect(byName.body.items[0]).toMatchObject({ code: '64422', name: 'Oloron-Sainte-Marie' });
    const byPostcode = await local.api.request('GET', '/v1/ref/communes?q=65000', { token });
    expect(byPostcode.body.items[0]).toMatchObject({
      name: 'Tarbes',
      epci: { name: 'CA Tarbes-Lourdes-Pyrénées' },
    });
    expect((await local.api.request('GET', '/v1/ref/communes', { token })).body.errors[0].field).toBe(
      'query.q',
    );
  });
});

describe('system routes', () => {
  it('answers /health without a token', async () => {
    expect(await local.api.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('serves an OpenAPI 3.1 document generated from the route table', async () => {
    const answer = await local.api.request('GET', '/openapi.json');
    expect(answer.status).toBe(200);
    const doc = answer.body;
    expect(doc.openapi).toBe('3.1.0');
    for (const { contract } of routes) {
      const operation = doc.paths[contract.path]?.[contract.method.toLowerCase()];
      expect(operation, `${contract.method} ${contract.path}`).toBeDefined();
      expect(operation.operationId).toBe(contract.operationId);
      const credential = contract.headers?.find((header) => header.credential)?.name;
      const expected =
        contract.access !== 'public' ? [{ bearer: [] }] : credential ? [{ [credential]: [] }] : [];
      expect(operation.security).toEqual(expected);
    }
    const post = doc.paths['/v1/vacancies'].post;
    expect(post.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/VacancyDraft',
    );
    const draft = doc.components.schemas.VacancyDraft;
    expect(draft.additionalProperties).toBe(false);
    expect(draft.required).toEqual(
      expect.arrayContaining(['title', 'sector', 'site', 'contract', 'openings']),
    );
    expect(draft.properties.contract.enum).toEqual(['CDI', 'CDD', 'interim', 'apprenticeship']);
  });

  it('answers unknown paths with 404 and wrong methods with 405', async () => {
    expect((await local.api.request('GET', '/v1/nothing', { token })).status).toBe(404);
    const wrong = await local.api.request('DELETE', '/v1/vacancies', { token });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('says what the gateway refuses in French, or in English when asked', async () => {
    const lost = await local.api.request('GET', '/v1/nothing', { token });
    expect(lost.body).toMatchObject({
      title: 'Introuvable',
      detail: 'Il n’y a rien à l’adresse /v1/nothing de l’API',
    });
    const wrong = await local.api.request('DELETE', '/v1/vacancies', { token });
    expect(wrong.body.detail).toBe('DELETE n’est pas possible à cette adresse (possible : POST)');
    const anonymous = await local.api.request('GET', '/v1/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      title: 'Non authentifié',
      detail: 'Connectez-vous : un jeton valide est requis',
    });
    expect(anonymous.headers.get('content-language')).toBe('fr');
    const planner = await local.api.request('GET', '/v1/employers/me/vacancies', { token });
    expect(planner).toMatchObject({
      status: 403,
      body: { detail: 'Cette action est réservée aux employeurs' },
    });
    const english = await local.api.request('GET', '/v1/me', { headers: { 'accept-language': 'en' } });
    expect(english.body).toMatchObject({ title: 'Unauthorized', detail: 'A valid bearer token is required' });
  });
});
