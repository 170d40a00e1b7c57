/** What the statistics consumer and the monthly roll do: count entities from their current state. */
import type { MatchStore } from '../../ports/matching';
import type { Clock } from '../../ports/runtime';
import type { StatisticsStore } from '../../ports/statistics';
import type { SeekerStore, VacancyStore } from '../../ports/store';
import { forEachInParallel } from '../concurrency';
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

export const entityKeyOf = (entity: string, id: string): string | undefined =>
  ({ Vacancy: `V#${id}`, SeekerProfile: `S#${id}`, Match: `M#${id}` })[entity];

async function contributionOf(deps: CountingDeps, entityKey: string): Promise<ContributionOf> {
  const id = entityKey.slice(2);
  switch (entityKey[0]) {
    case 'V': {
      const vacancy = await deps.vacancies.get(id);
      return vacancy && ((window) => vacancyContribution(vacancy, window));
    }
    case 'S': {
      const profile = await deps.seekers.get(id);
      return profile && ((window) => seekerContribution(profile, window));
    }
    case 'M': {
      const match = await deps.matches.get(id);
      return match && ((window) => matchContribution(match, window));
    }
    default:
      throw new Error(`not a counted entity: ${entityKey}`);
  }
}

/** Brings one entity's contribution in line with its current state (idempotent). */
export async function countEntity(deps: CountingDeps, entityKey: string) {
  return reconcile(
    deps.statistics,
    entityKey,
    await contributionOf(deps, entityKey),
    monthOf(deps.clock.now()),
  );
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
