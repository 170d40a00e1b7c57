import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runs, sendAll } from '../support/fuzz';
import { useLocalRuntime } from '../support/runtime';
import { paluSeekerProfile, welderVacancy } from '../support/samples';

// One of three property-based files (hostile requests, valid bodies, valid queries): apart, they run side by side.
const local = useLocalRuntime();

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
    // Sixteen people, each replacing her own profile one version after another (a person's
    // replacements are sequential; different people's run side by side).
    const people = 16;
    const tokens = await Promise.all(
      Array.from({ length: people }, (_, i) => local.api.token(`fuzz-valid-seeker-${i}`, 'seeker')),
    );
    const chains = await Promise.all(
      tokens.map(async (token, person) => {
        const statuses: number[] = [];
        for (let i = person; i < profiles.length; i += people) {
          const answer = await local.api.request('PUT', '/v1/seekers/me', {
            token,
            body: { ...paluSeekerProfile(), ...profiles[i] },
          });
          statuses.push(answer.status);
        }
        return statuses;
      }),
    );
    const statuses = chains.flat();
    expect(statuses).toHaveLength(runs);
    expect(statuses.filter((status) => status !== 200 && status !== 201)).toEqual([]);
  }, 180_000);
});
