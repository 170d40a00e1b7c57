import type { MatchIndex } from '../../ports/matching';
import type { Clock } from '../../ports/runtime';
import type { SeekerStore } from '../../ports/store';
import { locateHome } from '../locate';
import { seekerReachKm } from './lifecycle';

/** Seekers are listed from the activity index this far back (retention erases them after 24 months). */
export const reindexMonthsBack = 120;

/**
 * The migration of the reach index to its current format: every seeker (listed by month
 * of last activity, no Scan) is reindexed, which writes the new items and deletes those of
 * the old format; then the index is marked, and old partitions are no longer read.
 * Safe to run again or beside live traffic (a seeker updated meanwhile is reindexed by the
 * matcher in the same format).
 */
export async function reindexAllSeekers(
  deps: { seekers: SeekerStore; index: MatchIndex; clock: Clock },
  onProgress: (done: number, total: number) => void = () => {},
) {
  const tomorrow = new Date(deps.clock.now().getTime() + 24 * 3600 * 1000);
  const ids = await deps.seekers.inactiveSince(tomorrow, reindexMonthsBack);
  let done = 0;
  let reindexed = 0;
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      const profile = await deps.seekers.get(id);
      if (profile?.consent.matching) {
        await deps.index.reindexSeeker(id, profile, locateHome(profile.home).point, seekerReachKm(profile));
        reindexed++;
      } else await deps.index.reindexSeeker(id, undefined, undefined, 0);
      onProgress(++done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await deps.index.markReindexed();
  return { seekers: ids.length, reindexed };
}
