import type { MatchIndex, MatchStore } from '../../ports/matching';
import type { Clock } from '../../ports/runtime';
import type { SeekerStore, VacancyStore } from '../../ports/store';
import type { TravelTime } from '../../ports/travel-time';
import { findCommune, findEpci } from '../../reference/communes';
import { reachKm } from '../commute/estimator';
import { seekerJobLabels } from '../labels';
import { locateHome, locateSite } from '../locate';
import { commuteBand, type Match, matchId } from '../match';
import type { MatchableSeeker } from '../seeker';
import { confirmMatch, type MatchedVersions } from './confirm';
import { evaluateMatch, type MatchSides } from './evaluate';

export interface MatchingDeps {
  vacancies: VacancyStore;
  seekers: SeekerStore;
  index: MatchIndex;
  matches: MatchStore;
  travel: TravelTime;
  clock: Clock;
}

/** The farthest (straight-line km) a seeker could travel with any of their modes. */
export const seekerReachKm = (profile: MatchableSeeker) =>
  Math.max(...profile.commute.modes.map((mode) => reachKm(mode, profile.commute.maxMinutes)));

/**
 * Brings a vacancy's matches in line with its current state: reads the vacancy as it is
 * now (so a late or repeated stream record cannot resurrect anything), finds the seekers
 * in reach, keeps those who fit, and withdraws the others. Safe to run any number of times.
 */
export async function rematchVacancy(deps: MatchingDeps, vacancyId: string) {
  const vacancy = await deps.vacancies.get(vacancyId);
  const existing = await deps.matches.activeForVacancy(vacancyId);
  const now = deps.clock.now().toISOString();
  if (vacancy?.status !== 'open') {
    const reason = vacancy ? 'match.vacancyClosed' : 'match.vacancyRemoved';
    await Promise.all(existing.map((m) => deps.matches.withdraw(m, reason, now)));
    return { kept: 0, saved: 0, made: 0, withdrawn: existing.length };
  }
  const site = locateSite(vacancy.site);
  const candidates = await deps.index.seekersInReach(vacancy.sector, site.point, vacancy.shifts);
  const fitting = new Map<string, Match>();
  const versions = new Map<string, MatchedVersions>();
  for (const seeker of candidates) {
    const found = await buildMatch(deps, { vacancy, site, seeker, home: locateHome(seeker.home) }, now);
    if (!found) continue;
    fitting.set(found.id, found);
    versions.set(found.id, { vacancy: vacancy.version, seeker: seeker.version });
  }
  return reconcile(deps, existing, fitting, now, 'match.noLongerFits', versions);
}

/** The same for a seeker: reindex their reach, then match them against open vacancies in reach. */
export async function rematchSeeker(deps: MatchingDeps, seekerId: string) {
  const profile = await deps.seekers.get(seekerId);
  const existing = await deps.matches.activeForSeeker(seekerId);
  const now = deps.clock.now().toISOString();
  if (!profile?.consent.matching) {
    await deps.index.reindexSeeker(seekerId, undefined, undefined, 0);
    // An erased seeker keeps nothing, not even withdrawn matches.
    if (!profile) await Promise.all(existing.map((m) => deps.matches.remove(m)));
    else await Promise.all(existing.map((m) => deps.matches.withdraw(m, 'match.consentWithdrawn', now)));
    return { kept: 0, saved: 0, made: 0, withdrawn: existing.length };
  }
  const home = locateHome(profile.home);
  const reach = seekerReachKm(profile);
  await deps.index.reindexSeeker(seekerId, profile, home.point, reach);
  const fitting = new Map<string, Match>();
  const versions = new Map<string, MatchedVersions>();
  for (const sector of profile.sectors) {
    for (const vacancy of await deps.index.openVacanciesInReach(sector, home.point, reach)) {
      const found = await buildMatch(
        deps,
        { vacancy, site: locateSite(vacancy.site), seeker: profile, home },
        now,
      );
      if (!found) continue;
      fitting.set(found.id, found);
      versions.set(found.id, { vacancy: vacancy.version, seeker: profile.version });
    }
  }
  return reconcile(deps, existing, fitting, now, 'match.noLongerFits', versions);
}

/** A match of two sides if they fit (each side is located once by the caller, not once per pair). */
export async function buildMatch(deps: MatchingDeps, sides: MatchSides, now: string) {
  const { vacancy, seeker } = sides;
  const evaluation = await evaluateMatch(sides, deps.travel);
  if (!evaluation.fits) return undefined;
  const siteCommune = findCommune(vacancy.site.commune);
  return {
    id: matchId(vacancy.id, seeker.id),
    vacancyId: vacancy.id,
    seekerId: seeker.id,
    employerId: vacancy.owner,
    status: 'active',
    response: 'pending',
    score: evaluation.score,
    explanation: evaluation.explanation,
    commute: evaluation.commute,
    vacancy: {
      title: vacancy.title,
      sector: vacancy.sector,
      ...(vacancy.jobTitle ? { jobTitle: vacancy.jobTitle } : {}),
      occupation: vacancy.occupation,
      contract: vacancy.contract,
      openings: vacancy.openings,
      shifts: vacancy.shifts,
      commune: { code: vacancy.site.commune, name: siteCommune?.name ?? vacancy.site.commune },
    },
    candidate: {
      area: publicArea(seeker.home.commune),
      commuteBand: commuteBand(evaluation.commute.minutes),
      occupations: [...seekerJobLabels(seeker).values()],
      skillsMatched: evaluation.skills.matched.map((skill) => skill.label),
      skillsMissing: evaluation.skills.missing.map((skill) => skill.label),
    },
    createdAt: now,
    updatedAt: now,
  } satisfies Match;
}

/** Saves what fits (only when it changed, so replays write nothing) and withdraws the rest. */
async function reconcile(
  deps: MatchingDeps,
  existing: Match[],
  fitting: Map<string, Match>,
  now: string,
  reason: string,
  versions: Map<string, MatchedVersions>,
) {
  const current = new Map(existing.map((m) => [m.id, m]));
  let saved = 0;
  let made = 0;
  for (const next of fitting.values()) {
    const before = current.get(next.id);
    if (before && sameContent(before, next)) continue;
    // A seeker erased while this ran (or whose old events are replayed) gets nothing back: confirmMatch.
    await deps.matches.save(next);
    await confirmMatch(deps, next, versions.get(next.id) as MatchedVersions, now);
    saved++;
    if (!before) made++;
  }
  const gone = existing.filter((m) => !fitting.has(m.id));
  await Promise.all(gone.map((m) => deps.matches.withdraw(m, reason, now)));
  /** `made`: matches that did not exist (active) before; `saved` also counts changed ones. */
  return { kept: fitting.size, saved, made, withdrawn: gone.length };
}

const sameContent = (a: Match, b: Match) =>
  a.score === b.score &&
  JSON.stringify([a.explanation, a.commute, a.vacancy, a.candidate]) ===
    JSON.stringify([b.explanation, b.commute, b.vacancy, b.candidate]);

/** A place name that does not single anyone out: the commune if 5,000+ people live there, else its EPCI. */
export function publicArea(communeCode: string): string {
  const commune = findCommune(communeCode);
  if (!commune) return 'Commune inconnue';
  if (commune.population >= 5000) return commune.name;
  return (commune.epci && findEpci(commune.epci)?.name) || `département ${commune.departement}`;
}
