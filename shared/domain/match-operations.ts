import type { Language } from '../messages/language';
import type { MatchStore } from '../ports/matching';
import type { Clock } from '../ports/runtime';
import { type PageRequest, type SeekerStore, StaleWriteError, type VacancyStore } from '../ports/store';
import type { TravelTime } from '../ports/travel-time';
import { ConflictError, NotFoundError } from './errors';
import { locateCommune } from './locate';
import { explainWarnings, type Match, toCandidateView, toSeekerOfferView, toSeekerView } from './match';
import { pageOrExplain } from './paging';
import type { CommuteMode } from './schema-parts';
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

/** Only the vacancy's owner sees its candidates, anonymised, and how many there are in all. */
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
  return { ...found, counts, items: found.items.map((m) => toCandidateView(m, language)) };
}

/**
 * The seeker accepts or declines a match. Accepting shares the contact channel they chose
 * (and the phone only when that channel is SMS) with the employer; declining takes it back.
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
  let contact: Match['contact'];
  if (response === 'accepted') {
    const profile = await deps.seekers.get(seekerId);
    if (!profile) throw new NotFoundError('notFound.profile');
    contact = {
      channel: profile.contact.channel,
      ...(profile.contact.channel === 'sms' && profile.contact.phone ? { phone: profile.contact.phone } : {}),
      ...(profile.firstName ? { firstName: profile.firstName } : {}),
    };
  }
  try {
    const updated = await deps.matches.respond(found, response, contact, deps.clock.now().toISOString());
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
  const from = locateCommune(query.from, 'query.from');
  const to = locateCommune(query.to, 'query.to');
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
