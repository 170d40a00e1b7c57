import { exportedKinds, exportedNames } from '../entities';
import type { ContributionRecord, StatisticsStore } from '../ports/statistics';
import type { Match } from './match';
import type { Offer } from './offer';
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
  // Items as their stores wrote them (the export's schema keeps what it lists).
  const of = <Item = Record<string, unknown>>(name: string) => (held[name] ?? []) as Item[];
  const matches = of<Match>(exportedKinds.matches);
  const keys = [entityKey.encode('seeker', id), ...matches.map((m) => entityKey.encode('match', m.id))];
  const records = await Promise.all(keys.map((key) => deps.statistics.record(key)));
  const other = Object.entries(held)
    .filter(([kind]) => !exportedNames.has(kind))
    .flatMap(([kind, items]) => items.map((item) => ({ kind, item })));
  const profile = of(exportedKinds.profile)[0];
  return {
    exportedAt: deps.clock.now().toISOString(),
    subject: id,
    profile: profile ? toSeekerProfileView(upgradeSeekerProfile(profile)) : null,
    matches,
    offers: of<Offer>(exportedKinds.offers),
    devices: of(exportedKinds.devices),
    matchingIndex: of(exportedKinds.matchingIndex),
    messageCounters: of(exportedKinds.messageCounters),
    statistics: records.filter((r): r is ContributionRecord => r !== undefined),
    erasure: of<{ erasedAt: string }>(exportedKinds.erasure)[0] ?? null,
    other,
  };
}
