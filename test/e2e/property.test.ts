import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routes } from '../../infra/routes';
import { allowedGroups } from '../../shared/http/route-contract';
import { concretePath, validBodies } from '../support/route-fixtures';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

const local = useLocalRuntime();
const runs = 1000;

/** Sends requests a few at a time: the local runtime is one process on two cores. */
async function sendAll<T>(
  items: T[],
  send: (item: T) => Promise<number>,
  concurrency = 16,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < items.length; i += concurrency) {
    statuses.push(...(await Promise.all(items.slice(i, i + concurrency).map(send))));
  }
  return statuses;
}

/** A path segment from any string, even one that is not valid UTF-16. */
const segment = (text: string) => {
  try {
    return encodeURIComponent(text) || 'x';
  } catch {
    return 'x%ED%A0%80';
  }
};

const hostileString = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '../../etc/passwd',
    "' OR 1=1 --",
    '<script>',
    '\u0000',
    '\ud800',
    '%00',
    '{}',
  ),
  fc.string({ minLength: 5000, maxLength: 20000 }),
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 5 }),
  ),
})).value;

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

describe(`property-based: ${runs} valid variations are accepted`, () => {
  const text = fc.stringMatching(/^[A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9 '’-]{1,38}[A-Za-zÀ-ÖØ-öø-ÿ0-9]$/);
  it('POST /v1/vacancies', async () => {
    const token = await local.api.token('fuzz-valid-co', 'employer');
    const drafts = fc.sample(
      fc.record({
        title: text,
        openings: fc.integer({ min: 1, max: 500 }),
        skills: fc.uniqueArray(text, { maxLength: 5 }),
        contract: fc.constantFrom('CDI', 'CDD', 'interim', 'apprenticeship'),
        site: fc.constantFrom({ commune: '64335' }, { commune: '64445' }, { commune: '65440' }),
      }),
      { numRuns: runs, seed: 7 },
    );
    const statuses = await sendAll(
      drafts,
      async (draft) =>
        (await local.api.request('POST', '/v1/vacancies', { token, body: { ...welderVacancy(), ...draft } }))
          .status,
    );
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
  }, 180_000);

  it('PUT /v1/seekers/me', async () => {
    const token = await local.api.token('fuzz-valid-seeker', 'seeker');
    const profiles = fc.sample(
      fc.record({
        skills: fc.uniqueArray(text, { maxLength: 5 }),
        commute: fc.record({
          maxMinutes: fc.integer({ min: 5, max: 120 }),
          modes: fc.uniqueArray(fc.constantFrom('car', 'transit', 'bike', 'walk'), {
            minLength: 1,
            maxLength: 4,
          }),
        }),
        // Consent to matching off: this checks validation, not the matcher's throughput.
        consent: fc.record({ matching: fc.constant(false), statistics: fc.boolean() }),
      }),
      { numRuns: runs, seed: 11 },
    );
    // One after another: these are replacements of one person's profile.
    const statuses = await sendAll(
      profiles,
      async (profile) =>
        (
          await local.api.request('PUT', '/v1/seekers/me', {
            token,
            body: { ...paluSeekerProfile(), ...profile },
          })
        ).status,
      1,
    );
    expect(statuses.filter((status) => status !== 200 && status !== 201)).toEqual([]);
  }, 180_000);
});

/** Valid query strings per route; a route with a query and no entry here fails the test below. */
const validQueries: Record<string, fc.Arbitrary<Record<string, string>>> = (() => {
  const limit = fc.integer({ min: 1, max: 100 }).map(String);
  const page = fc.record({ limit }, { requiredKeys: [] });
  const communes = fc.constantFrom('64445', '64335', '65440', '64102', '64422', '75056', '69123', '13055');
  return {
    listMyVacancies: page,
    listMyMatches: page,
    listCandidates: page,
    listMyNotifications: page,
    listEmployerNotices: page,
    listSectors: fc.record(
      { q: fc.constantFrom('aéro', 'métallurgie', 'chimie', 'x', '', 'de la') },
      { requiredKeys: [] },
    ),
    searchOccupations: fc.record(
      {
        q: fc.constantFrom(
          'soudage',
          'H29',
          'maintenance',
          'conduite',
          'é',
          '',
          'a',
          'soud tig',
          'de',
          'cheffe',
        ),
        limit,
      },
      { requiredKeys: [] },
    ),
    searchSkills: fc.record(
      {
        occupation: fc.constantFrom('H2913', 'N1101', 'J1501', 'H2916'),
        q: fc.constantFrom('lecture', 'soud', '', 'a', 'contrôle visuel'),
        limit,
      },
      { requiredKeys: [] },
    ),
    searchCommunes: fc.record(
      { q: fc.constantFrom('pau', 'Lescar', '64000', 'saint', 'Oloron-Sainte', 'tarbes'), limit },
      { requiredKeys: ['q'] },
    ),
    searchEpcis: fc.record(
      { q: fc.constantFrom('lacq', 'Pau Béarn', 'cc', 'béarn des gaves', 'tarbes lourdes', 'zzz'), limit },
      { requiredKeys: ['q'] },
    ),
    commute: fc.record(
      {
        from: communes,
        to: communes,
        mode: fc.constantFrom('car', 'transit', 'bike', 'walk'),
        hour: fc.integer({ min: 0, max: 23 }).map(String),
      },
      { requiredKeys: ['from', 'to'] },
    ),
    ...planningQueries(),
  };
})();

/** Valid planning queries: areas, filters and ordered month ranges of at most 60 months. */
function planningQueries(): Record<string, fc.Arbitrary<Record<string, string>>> {
  const area = fc.constantFrom('lacq-pau-tarbes', 'epci-200067254', 'epci-200069300', 'dep-64', 'dep-65');
  const sector = fc.constantFrom('aeronautics', 'agrifood', 'chemistry', 'energy');
  const occupation = fc.constantFrom('H2913', 'H2102', 'H2301', 'I1304');
  const monthIndex = fc.integer({ min: 2020 * 12, max: 2030 * 12 });
  const asMonth = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  const range = fc
    .tuple(monthIndex, fc.integer({ min: 0, max: 59 }))
    .map(([start, length]) => ({ from: asMonth(start), to: asMonth(start + length) }));
  return {
    planningIndicators: fc
      .tuple(fc.record({ area, sector, occupation }, { requiredKeys: ['area'] }), fc.option(range))
      .map(([query, months]) => ({ ...query, ...(months ?? {}) })),
    planningTension: fc.record({ area, month: monthIndex.map(asMonth) }, { requiredKeys: ['area'] }),
    planningSkillsGap: fc.record(
      { area, sector, limit: fc.integer({ min: 1, max: 100 }).map(String) },
      { requiredKeys: ['area'] },
    ),
    planningCatchment: fc.record(
      {
        commune: fc.constantFrom('64445', '64335', '65440', '64422', '64430'),
        minutes: fc.integer({ min: 5, max: 120 }).map(String),
        mode: fc.constantFrom('car', 'transit', 'bike', 'walk'),
        hour: fc.integer({ min: 0, max: 23 }).map(String),
        sector,
      },
      { requiredKeys: ['commune'] },
    ),
    planningTransitReach: fc.oneof(
      fc.record(
        {
          commune: fc.constantFrom('64445', '64335', '64300', '64422', '65440'),
          minutes: fc.integer({ min: 15, max: 120 }).map(String),
          sector,
        },
        { requiredKeys: ['commune'] },
      ),
      fc.record({ area, sector }, { requiredKeys: ['area'] }),
    ),
    planningForecast: fc.record(
      {
        area,
        sector,
        occupation,
        metric: fc.constantFrom(
          'vacancies_posted',
          'openings_posted',
          'vacancies_open',
          'seekers_active',
          'matches_new',
        ),
        horizon: fc.integer({ min: 1, max: 24 }).map(String),
      },
      { requiredKeys: ['area'] },
    ),
  };
}

describe(`property-based: ${runs} valid queries per route are answered`, () => {
  for (const route of routes.filter((r) => r.contract.query)) {
    const { method, path, operationId } = route.contract;
    it(`${method} ${path}`, async () => {
      const arbitrary = validQueries[operationId];
      expect(arbitrary, `add valid queries for ${operationId}`).toBeDefined();
      if (!arbitrary) return;
      const group = allowedGroups(route.contract)[0] ?? 'employer';
      const token = await local.api.token(`fuzz-valid-${group}`, group);
      // {id} routes get a vacancy of this employer, so the answer is about the query, not a 404.
      let id = 'x';
      if (path.includes('{id}')) {
        id = (await local.api.request('POST', '/v1/vacancies', { token, body: welderVacancy() })).body.id;
      }
      const queries = fc.sample(arbitrary, { numRuns: runs, seed: 3 });
      const statuses = await sendAll(queries, async (query) => {
        const search = new URLSearchParams(query).toString();
        return (
          await local.api.request(method, `${concretePath(path, id)}${search ? `?${search}` : ''}`, { token })
        ).status;
      });
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
    }, 120_000);
  }
});
