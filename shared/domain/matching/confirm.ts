import { locateHome, locateSite } from '../locate';
import type { Match } from '../match';
import { buildMatch, type MatchingDeps } from './lifecycle';

/** The versions of the vacancy and the profile a match was computed from. */
export interface MatchedVersions {
  vacancy: number;
  seeker: number;
}

/**
 * Re-checks a match just saved against both sides as they are now. The matcher may run
 * for a vacancy and for a seeker at the same time (one lane per stream shard, and a late
 * or repeated delivery can run beside the current one), each from a snapshot of the other
 * side (the open-vacancy index, the reach index) or from a read that is already old: a
 * match saved from stale state would never be looked at again. Read after the write,
 * either both sides are unchanged — then any later change is rematched after this save and
 * sees it — or one changed, and the pair is computed again from what is there now.
 *
 * The profile read also guards erasure (see erasure-guard.ts): erasing writes the
 * tombstone, deletes the profile, then the rest of the partition. A profile still there
 * means the partition delete is yet to come and will take the match; a profile gone means
 * the match is deleted here.
 */
export async function confirmMatch(
  deps: MatchingDeps,
  saved: Match,
  used: MatchedVersions,
  now: string,
): Promise<void> {
  let match = saved;
  let versions = used;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [vacancy, profile] = await Promise.all([
      deps.vacancies.get(match.vacancyId),
      deps.seekers.get(match.seekerId),
    ]);
    if (!profile) return deps.matches.remove(match);
    if (vacancy?.status !== 'open')
      return deps.matches.withdraw(match, vacancy ? 'match.vacancyClosed' : 'match.vacancyRemoved', now);
    if (!profile.consent.matching) return deps.matches.withdraw(match, 'match.consentWithdrawn', now);
    if (vacancy.version === versions.vacancy && profile.version === versions.seeker) return;
    const sides = {
      vacancy,
      site: locateSite(vacancy.site),
      seeker: profile,
      home: locateHome(profile.home),
    };
    const next = await buildMatch(deps, sides, now);
    if (!next) return deps.matches.withdraw(match, 'match.noLongerFits', now);
    await deps.matches.save(next);
    match = next;
    versions = { vacancy: vacancy.version, seeker: profile.version };
  }
}
