/** What the statistics consumer and the monthly roll do: count entities from their current state. */
import type { MatchStore } from '../../ports/matching';
import type { Clock } from '../../ports/runtime';
import type { StatisticsStore } from '../../ports/statistics';
import type { SeekerStore, VacancyStore } from '../../ports/store';
import { forEachInParallel } from '../concurrency';
import { type EntityKey, entityKey } from './codes';
import { matchContribution, seekerContribution, vacancyContribution } from './contributions';
import { addMonths, monthOf } from './months';
import { type ContributionOf, reconcile } from './reconcile';

export interface CountingDeps {
  statistics: StatisticsStore;
  vacancies: Pick<VacancyStore, 'get'>;
  seekers: Pick<SeekerStore, 'get'>;
  matches: Pick<MatchStore, 'get'>;
  clock: Clock;
}

/** How the entity contributes now, and a fingerprint of the state it was computed from. */
async function currentState(
  deps: CountingDeps,
  key: EntityKey,
): Promise<{ contributionOf: ContributionOf; fingerprint: string }> {
  const { kind, id } = entityKey.decode(key);
  switch (kind) {
    case 'vacancy': {
      const vacancy = await deps.vacancies.get(id);
      return {
        contributionOf: vacancy && ((window) => vacancyContribution(vacancy, window)),
        fingerprint: String(vacancy?.version),
      };
    }
    case 'seeker': {
      const profile = await deps.seekers.get(id);
      return {
        contributionOf: profile && ((window) => seekerContribution(profile, window)),
        fingerprint: String(profile?.version),
      };
    }
    case 'match': {
      const match = await deps.matches.get(id);
      return {
        contributionOf: match && ((window) => matchContribution(match, window)),
        fingerprint: match ? `${match.status}:${match.response}:${match.updatedAt}` : 'gone',
      };
    }
  }
}

/**
 * Brings one entity's contribution in line with its current state (idempotent). After a
 * change is applied the entity is read again: if it changed meanwhile (erased, say, while
 * a late or concurrent delivery counted it), it is counted again from what is there now,
 * so no delivery order leaves a stale count or the record of a person who is gone.
 */
export async function countEntity(deps: CountingDeps, key: EntityKey) {
  for (let attempt = 0; ; attempt++) {
    const before = await currentState(deps, key);
    const result = await reconcile(deps.statistics, key, before.contributionOf, monthOf(deps.clock.now()));
    if (result === 'unchanged' || attempt >= 4) return result;
    if ((await currentState(deps, key)).fingerprint === before.fingerprint) return result;
  }
}

/**
 * Monthly roll: entities that still counted at the end of an earlier month (open
 * vacancies, active seekers) are counted into the current one. Looks back a year, so a
 * roll that did not run for months catches up.
 */
export async function rollStatistics(deps: CountingDeps, monthsBack = 12) {
  const current = monthOf(deps.clock.now());
  let counted = 0;
  for (let back = monthsBack; back >= 1; back--) {
    const keys = await deps.statistics.liveThrough(addMonths(current, -back));
    await forEachInParallel(keys, 16, (key) => countEntity(deps, key));
    counted += keys.length;
  }
  return { counted };
}
