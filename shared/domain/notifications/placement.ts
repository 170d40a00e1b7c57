import { forEachInParallel } from '../concurrency';
import type { Offer } from '../offer';
import type { SeekerProfile } from '../seeker';
import {
  messagesTo,
  moveOffer,
  type OfferDeps,
  offeredThisWeek,
  preferencesOf,
  wantsOffers,
} from './offer-deps';
import { endOfQuietHours, inQuietHours, parisClock } from './paris-time';
import { isoWeek } from './waves-settings';

export interface Placed {
  pending: Offer[];
  held: number;
  digest: number;
  skipped: number;
}

/**
 * Per seeker, best of the window: the offers that reach a seeker at once (a wave round, the
 * end of quiet hours) are ranked best first; in quiet hours they wait for its end, to be
 * ranked again with the others then; otherwise the best take what is left of the day's
 * message slots and the rest go to tomorrow's digest. A later, better offer cannot take
 * back a slot: it goes to the digest with a note (`offer.dailyCapBetter`).
 * Offers come queued (a wave) or held (quiet hours over); each move is conditional, so a
 * replayed round moves nothing twice.
 */
export async function placeForSeekers(
  deps: OfferDeps,
  offers: Offer[],
  profiles: Map<string, SeekerProfile | undefined> = new Map(),
): Promise<Placed> {
  const placed: Placed = { pending: [], held: 0, digest: 0, skipped: 0 };
  const bySeeker = new Map<string, Offer[]>();
  for (const offer of offers) bySeeker.set(offer.seekerId, [...(bySeeker.get(offer.seekerId) ?? []), offer]);
  // One seeker's offers in order; seekers side by side (a bounded fan-out against the table).
  await forEachInParallel([...bySeeker], 8, async ([seekerId, theirs]) => {
    const profile = profiles.has(seekerId) ? profiles.get(seekerId) : await deps.seekers.get(seekerId);
    await placeOne(deps, seekerId, profile, theirs.sort(bestFirst), placed);
  });
  return placed;
}

export const bestFirst = (a: Offer, b: Offer) =>
  b.score - a.score || a.commute.minutes - b.commute.minutes || a.id.localeCompare(b.id);

async function placeOne(
  deps: OfferDeps,
  seekerId: string,
  profile: SeekerProfile | undefined,
  offers: Offer[],
  placed: Placed,
) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const released = (offer: Offer) =>
    offer.status === 'queued' ? { releasedAt: at, wave: offer.wave } : { releasedAt: offer.releasedAt ?? at };
  const countWeek = async (offer: Offer) => {
    if (offer.status === 'queued')
      await deps.offers.count(offeredThisWeek(seekerId), isoWeek(parisClock(now).date));
  };
  if (!wantsOffers(profile)) {
    for (const offer of offers)
      if (await moveOffer(deps, offer, 'skipped', { reason: 'offer.paused', updatedAt: at }))
        placed.skipped++;
    return;
  }
  const preferences = preferencesOf(profile);
  if (inQuietHours(now, preferences.quietHours)) {
    const notBefore = endOfQuietHours(now, preferences.quietHours).toISOString();
    for (const offer of offers) {
      if (offer.status !== 'queued') continue; // held, and its quiet hours changed: it waits on
      const moved = await moveOffer(deps, offer, 'held', {
        ...released(offer),
        notBefore,
        reason: 'offer.quietHours',
        updatedAt: at,
      });
      if (moved) {
        placed.held++;
        await countWeek(offer);
      }
    }
    return;
  }
  const today = parisClock(now).date;
  let sentToday: number[] | undefined;
  for (const offer of offers) {
    if (await deps.offers.takeDailySlot(messagesTo(seekerId), today, preferences.dailyCap, offer.score)) {
      const patch = { ...released(offer), slotDate: today, reason: '', updatedAt: at };
      if (await moveOffer(deps, offer, 'pending', patch)) {
        placed.pending.push({ ...offer, ...patch, status: 'pending' });
        await countWeek(offer);
      } else await deps.offers.releaseDailySlot(messagesTo(seekerId), today);
      continue;
    }
    sentToday ??= await deps.offers.scoresCounted(messagesTo(seekerId), today);
    const better = sentToday.some((score) => score < offer.score);
    if (
      await moveOffer(deps, offer, 'digest', {
        ...released(offer),
        notBefore: nextMorning(now, preferences.quietHours).toISOString(),
        reason: better ? 'offer.dailyCapBetter' : 'offer.dailyCap',
        updatedAt: at,
      })
    ) {
      placed.digest++;
      await countWeek(offer);
    }
  }
}

/** The next Paris midnight, whatever the season's offset, then the end of that night's quiet hours. */
export function nextMorning(now: Date, quiet: { start: string; end: string }): Date {
  const midnight = new Date(now.getTime() + (24 * 60 - parisClock(now).minutes) * 60_000);
  return endOfQuietHours(midnight, quiet);
}
