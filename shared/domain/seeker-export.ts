import type * as z from 'zod/mini';
import { type EntityKind, entities, exportedNames } from '../entities';
import type { ContributionRecord, StatisticsStore } from '../ports/statistics';
import { entityKey } from './planning/codes';
import { toSeekerProfileView, upgradeSeekerProfile } from './seeker';
import type { SeekerDeps } from './seeker-operations';

/**
 * Right of access and portability: every item keyed by the person, as JSON — their
 * partition (kinds it does not know under `other`), the statistics contribution records of
 * their profile and matches, and the erasure tombstone if there is one.
 */
export async function exportSeeker(
  deps: Pick<SeekerDeps, 'seekers' | 'clock'> & { statistics: Pick<StatisticsStore, 'record'> },
  id: string,
) {
  const held = await deps.seekers.everything(id);
  // Items as their stores wrote them: each kind's shape (the export's schema keeps what it lists).
  const of = <Kind extends EntityKind>(kind: Kind) => (held[kind.name] ?? []) as z.output<Kind['schema']>[];
  const matches = of(entities.match);
  const keys = [entityKey.encode('seeker', id), ...matches.map((m) => entityKey.encode('match', m.id))];
  const records = await Promise.all(keys.map((key) => deps.statistics.record(key)));
  const other = Object.entries(held)
    .filter(([kind]) => !exportedNames.has(kind))
    .flatMap(([kind, items]) => items.map((item) => ({ kind, item })));
  const profile = of(entities.seekerProfile)[0];
  return {
    exportedAt: deps.clock.now().toISOString(),
    subject: id,
    profile: profile ? toSeekerProfileView(upgradeSeekerProfile(profile)) : null,
    matches,
    offers: of(entities.offer),
    devices: of(entities.device),
    matchingIndex: of(entities.seekerReach),
    messageCounters: of(entities.dailyCount),
    statistics: records.filter((r): r is ContributionRecord => r !== undefined),
    erasure: of(entities.tombstone)[0] ?? null,
    other,
  };
}
