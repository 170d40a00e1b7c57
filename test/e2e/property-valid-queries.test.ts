import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routes } from '../../infra/routes';
import { allowedGroups } from '../../shared/http/route-contract';
import { runs, sendAll } from '../support/fuzz';
import { concretePath } from '../support/route-fixtures';
import { useLocalRuntime } from '../support/runtime';
import { welderVacancy } from '../support/samples';

// One of three property-based files (hostile requests, valid bodies, valid queries): apart, they run side by side.
const local = useLocalRuntime();

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
