import { locateHome, locateSite } from '../locate';
import type { Match } from '../match';
import { buildMatch, type MatchingDeps } from './lifecycle';

/** The versions of the vacancy and the profile a match was computed from. */
export interface MatchedVersions {
  vacancy: number;
  seeker: number;
}

/**
 * Re-checks a match just saved against the side it took from a snapshot: the open-vacancy
 * index when a seeker is rematched, the reach index when a vacancy is. The matcher runs one
 * lane per stream shard, so a vacancy and a seeker can be rematched at the same time; a
 * match saved from a stale snapshot would never be looked at again. Read after the write,
 * that side is either unchanged — then any later change of it is rematched after this save
 * and sees it — or it changed, and the pair is computed again from both sides as they are.
 * The other side was read by this very run, and its next change is the next record of the
 * same shard, handled after this one.
 *
 * Reading the profile after the write also guards erasure (see erasure-guard.ts): erasing
 * writes the tombstone, deletes the profile, then the rest of the partition. A profile
 * still there means the partition delete is yet to come and will take the match; a profile
 * gone means the match is deleted here. (When the seeker is the side rematched, their
 * REMOVE record comes next in their shard and takes the match.)
 */
export async function confirmMatch(
  deps: MatchingDeps,
  saved: Match,
  used: MatchedVersions,
  snapshot: 'vacancy' | 'seeker',
  now: string,
): Promise<void> {
  const again =
    snapshot === 'vacancy'
      ? await deps.vacancies.get(saved.vacancyId)
      : await deps.seekers.get(saved.seekerId);
  if (again?.version === used[snapshot]) return;
  let match = saved;
  let versions = used;
  for (let attempt = 0; attempt < 5; attempt++) {
    const [vacancy, profile] = await Promise.all([
      deps.vacancies.get(match.vacancyId),
      deps.seekers.get(match.seekerId),
    ]);
    if (!profile) return deps.matches.remove(match);
    if (vacancy?.status !== 'open')
      return deps.matches.withdraw(
        match,
        vacancy ? 'the vacancy was closed' : 'the vacancy was removed',
        now,
      );
    if (!profile.consent.matching)
      return deps.matches.withdraw(match, 'the seeker withdrew consent to matching', now);
    if (vacancy.version === versions.vacancy && profile.version === versions.seeker) return;
    const sides = {
      vacancy,
      site: locateSite(vacancy.site),
      seeker: profile,
      home: locateHome(profile.home),
    };
    const next = await buildMatch(deps, sides, now);
    if (!next) return deps.matches.withdraw(match, 'the seeker no longer fits this vacancy', now);
    await deps.matches.save(next);
    match = next;
    versions = { vacancy: vacancy.version, seeker: profile.version };
  }
}
