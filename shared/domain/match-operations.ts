import type { Language } from '../messages/language';
import type { MatchStore } from '../ports/matching';
import type { Clock } from '../ports/runtime';
import { type PageRequest, type SeekerStore, StaleWriteError, type VacancyStore } from '../ports/store';
import type { TravelTime } from '../ports/travel-time';
import { ConflictError, NotFoundError } from './errors';
import { locateCommune } from './locate';
import { explainWarnings, toCandidateView, toSeekerOfferView, toSeekerView } from './match';
import { pageOrExplain } from './paging';
import type { CommuteMode } from './schema-parts';
import { sharedContact } from './shared-contact';
import { getOwnVacancy } from './vacancy-operations';

export interface MatchReadDeps {
  matches: MatchStore;
  vacancies: VacancyStore;
  seekers: SeekerStore;
  clock: Clock;
}

export async function listMyMatches(
  deps: Pick<MatchReadDeps, 'matches'>,
  seekerId: string,
  page: PageRequest,
  language: Language,
) {
  const found = await pageOrExplain(() => deps.matches.pageForSeeker(seekerId, page));
  return { ...found, items: found.items.map((m) => toSeekerView(m, language)) };
}

/** One of the seeker's matches with the vacancy's own words (employer, description, salary): the offer page. */
export async function getMyMatch(
  deps: Pick<MatchReadDeps, 'matches' | 'vacancies'>,
  seekerId: string,
  matchId: string,
  language: Language,
) {
  const found = await deps.matches.get(matchId);
  if (!found || found.seekerId !== seekerId) throw new NotFoundError('notFound.match');
  return toSeekerOfferView(found, await deps.vacancies.get(found.vacancyId), language);
}

/**
 * Only the vacancy's owner sees its candidates, anonymised, and how many there are in all.
 * Those who accepted come with how to reach them as their profile says now (read at each
 * listing, never copied into the match): a changed or removed number or first name is
 * changed or removed for the employer too.
 */
export async function listCandidates(
  deps: MatchReadDeps,
  owner: string,
  vacancyId: string,
  page: PageRequest,
  language: Language,
) {
  await getOwnVacancy(deps, owner, vacancyId);
  const [found, counts] = await Promise.all([
    pageOrExplain(() => deps.matches.pageForVacancy(vacancyId, page)),
    deps.matches.countsForVacancy(vacancyId),
  ]);
  const accepted = found.items.filter((m) => m.response === 'accepted');
  const profiles = new Map(
    await Promise.all(accepted.map(async (m) => [m.seekerId, await deps.seekers.get(m.seekerId)] as const)),
  );
  return {
    ...found,
    counts,
    items: found.items.map((m) =>
      toCandidateView(
        m.response === 'accepted' ? { ...m, contact: sharedContact(profiles.get(m.seekerId)) } : m,
        language,
      ),
    ),
  };
}

/**
 * The seeker accepts or declines a match. Accepting shares their current contact with the
 * employer (see listCandidates); declining takes it back.
 */
export async function respondToMatch(
  deps: MatchReadDeps,
  seekerId: string,
  matchId: string,
  response: 'accepted' | 'declined',
  language: Language,
) {
  const found = await deps.matches.get(matchId);
  if (!found || found.seekerId !== seekerId) throw new NotFoundError('notFound.match');
  if (found.status !== 'active') throw new ConflictError('conflict.matchWithdrawn');
  if (response === 'accepted' && !(await deps.seekers.get(seekerId)))
    throw new NotFoundError('notFound.profile');
  try {
    // No copy of the contact in the match (an older one is removed): it would go stale.
    const updated = await deps.matches.respond(found, response, undefined, deps.clock.now().toISOString());
    return toSeekerView(updated, language);
  } catch (error) {
    if (error instanceof StaleWriteError) throw new ConflictError('conflict.matchWithdrawn');
    throw error;
  }
}

/** Commute between two communes, for anyone checking reach before posting or applying. */
export async function commuteBetween(
  travel: TravelTime,
  query: { from: string; to: string; mode: CommuteMode; hour: number },
  language: Language,
) {
  const from = locateCommune(query.from, 'from');
  const to = locateCommune(query.to, 'to');
  const estimate = await travel.estimate({
    from: from.point,
    to: to.point,
    mode: query.mode,
    hour: query.hour,
    imprecise: true,
    centroid: from.precision === 'centroid' || to.precision === 'centroid',
    fromCommune: query.from,
    toCommune: query.to,
  });
  return { ...estimate, warnings: explainWarnings(estimate.warnings, language) };
}
