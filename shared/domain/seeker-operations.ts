import type { DeviceRegistry, MessageSender } from '../ports/notifications';
import type { Clock } from '../ports/runtime';
import { type SeekerStore, StaleWriteError } from '../ports/store';
import { lastWriterWinsAttempts } from './concurrency';
import { NotFoundError, PreconditionFailedError } from './errors';
import { locateHome } from './locate';
import { type SeekerProfile, statedProfile } from './seeker';
import type { SeekerProfileInput } from './seeker-input';

export interface SeekerDeps {
  seekers: SeekerStore;
  clock: Clock;
}

/**
 * Creates or replaces the caller's profile. With If-Match the replace is conditional on
 * that version (412 when stale); without it, the latest version is replaced, retrying if
 * another write slips in between (last writer wins, nothing is half-written).
 */
export async function saveSeekerProfile(
  deps: SeekerDeps,
  id: string,
  input: SeekerProfileInput,
  ifMatch: number | undefined,
): Promise<{ profile: SeekerProfile; created: boolean }> {
  locateHome(input.home);
  const stated = statedProfile(input);
  for (let attempt = 0; ; attempt++) {
    const current = await deps.seekers.get(id);
    const now = deps.clock.now().toISOString();
    if (ifMatch !== undefined && current?.version !== ifMatch) {
      throw new PreconditionFailedError(current?.version ?? 0);
    }
    try {
      if (!current) {
        const profile: SeekerProfile = { ...stated, id, version: 1, createdAt: now, updatedAt: now };
        // Coming back after an erasure: the tombstone goes first, or consumers would take
        // back what the new profile brings (see eraseSeeker).
        await deps.seekers.clearErased(id);
        await deps.seekers.create(profile);
        return { profile, created: true };
      }
      const profile: SeekerProfile = {
        ...stated,
        id,
        version: current.version + 1,
        createdAt: current.createdAt,
        updatedAt: now,
      };
      await deps.seekers.replace(profile, current.version);
      return { profile, created: false };
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
      if (ifMatch !== undefined || attempt >= lastWriterWinsAttempts) {
        throw new PreconditionFailedError(error.currentVersion ?? (current?.version ?? 0) + 1);
      }
    }
  }
}

export async function getSeekerProfile(
  deps: Pick<SeekerDeps, 'seekers'>,
  id: string,
): Promise<SeekerProfile> {
  const profile = await deps.seekers.get(id);
  if (!profile) throw new NotFoundError('notFound.profile');
  return profile;
}

export interface ErasureDeps extends Pick<SeekerDeps, 'seekers' | 'clock'> {
  devices?: Pick<DeviceRegistry, 'forgetAll'>;
  messages?: Pick<MessageSender, 'forget'>;
}

/**
 * Right to erasure, winning every race with the consumers: the tombstone first (so that
 * every consumer write for the person from now on is taken back by its writer, and late
 * or replayed stream events recreate nothing), then the push endpoints at the messaging
 * service, every item of the person, and what a sender kept of the messages sent to them.
 * Their statistics contribution records go with their REMOVE records (statistics
 * consumer), which keeps the published history right. Erasing twice is not an error.
 */
export async function eraseSeeker(deps: ErasureDeps, id: string): Promise<void> {
  await deps.seekers.markErased(id, deps.clock.now());
  await deps.devices?.forgetAll(id);
  await deps.seekers.erase(id);
  await deps.messages?.forget?.(id);
}

/** CNIL guidance for recruitment data: kept at most two years after the last contact. */
export const retentionYears = 2;

/**
 * Erases every seeker whose profile has not changed for two years (the scheduled
 * retention job). Returns who was erased, for the log.
 */
export async function eraseInactiveSeekers(deps: ErasureDeps): Promise<string[]> {
  const now = deps.clock.now();
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears);
  // Five years of monthly partitions before the cutoff: more than a daily job ever leaves behind.
  const inactive = await deps.seekers.inactiveSince(cutoff, 60);
  for (const id of inactive) await eraseSeeker(deps, id);
  return inactive;
}
