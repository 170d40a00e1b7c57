import type { OfferPublished } from '../../../events/offer-published';
import { digestText, offerText } from '../../messages/sms';
import { StaleWriteError } from '../../ports/store';
import { findCommune } from '../../reference/communes';
import { occupationDomain } from '../../reference/occupations';
import { lastWriterWinsAttempts } from '../concurrency';
import type { Match } from '../match';
import { type Offer, waitingStatuses } from '../offer';
import type { SeekerProfile } from '../seeker';
import { messagesTo, moveOffer, type OfferDeps, preferencesOf, wantsOffers } from './offer-deps';
import { endOfQuietHours, inQuietHours, parisClock } from './paris-time';
import { bestFirst, placeForSeekers } from './placement';
import { smsSafe } from './sms-text';
import { collectCandidate, offerAnswered } from './waves';

export type { OfferDeps } from './offer-deps';

const isWaiting = (offer: Offer) => (waitingStatuses as readonly string[]).includes(offer.status);

/**
 * A match changed. Good enough for a seeker who wants offers: the offer joins its vacancy's
 * queue (once per pair, whatever the redeliveries), or is re-ranked there if the score or
 * commute changed, and the vacancy's wave is scheduled. Answered: the wave counts the
 * answer. Withdrawn: the offer is withdrawn unless it already went out.
 */
export async function onMatchChanged(
  deps: OfferDeps,
  match: Match,
): Promise<'queued' | 'reranked' | 'withdrawn' | 'answered' | 'ignored'> {
  const now = deps.clock.now().toISOString();
  const existing = await deps.offers.get(match.id);
  if (match.status !== 'active') {
    if (!existing || !isWaiting(existing)) return 'ignored';
    const moved = await moveOffer(deps, existing, 'withdrawn', {
      reason: match.withdrawnReason ?? 'offer.matchGone',
      updatedAt: now,
    });
    if (moved) await offerAnswered(deps, existing, false);
    return moved ? 'withdrawn' : 'ignored';
  }
  if (match.response !== 'pending') {
    if (!existing) return 'ignored';
    await offerAnswered(deps, existing, match.response === 'accepted');
    return 'answered';
  }
  if (match.score < deps.config.notifyThreshold) return 'ignored';
  if (existing) {
    if (existing.status !== 'queued') return 'ignored';
    const rankChanged = existing.score !== match.score || existing.commute.minutes !== match.commute.minutes;
    const moved =
      rankChanged &&
      (await moveOffer(deps, existing, 'queued', {
        score: match.score,
        commute: { mode: match.commute.mode, minutes: match.commute.minutes },
        updatedAt: now,
      }));
    // Also on a redelivery: the first attempt may have died between the offer and its schedule.
    await collectCandidate(deps, existing, match);
    return moved ? 'reranked' : 'ignored';
  }
  const profile = await deps.seekers.get(match.seekerId);
  if (!wantsOffers(profile)) return 'ignored';
  const commune = findCommune(match.vacancy.commune.code);
  const offer: Offer = {
    id: match.id,
    vacancyId: match.vacancyId,
    seekerId: match.seekerId,
    channel: profile.contact.channel === 'push' ? 'push' : 'sms',
    status: 'queued',
    score: match.score,
    vacancy: {
      title: match.vacancy.title,
      sector: match.vacancy.sector,
      occupation: match.vacancy.occupation,
      commune: match.vacancy.commune,
      epci: commune?.epci ?? 'none',
    },
    commute: { mode: match.commute.mode, minutes: match.commute.minutes },
    createdAt: now,
    updatedAt: now,
  };
  if (!(await deps.offers.createIfAbsent(offer))) return 'ignored';
  await collectCandidate(deps, offer, match);
  return 'queued';
}

/** An offer released to go out now: tell the topic (the deliverer and any subscriber filter on the attributes). */
export async function publishOffer(
  deps: Pick<OfferDeps, 'publisher' | 'clock'>,
  offer: Offer,
): Promise<void> {
  const event: OfferPublished = {
    eventType: 'OfferPublished',
    version: 1,
    id: offer.id,
    occurredAt: offer.releasedAt ?? offer.createdAt,
    vacancy: { id: offer.vacancyId, ...offer.vacancy },
    channel: offer.channel,
    score: offer.score,
    commute: offer.commute,
  };
  await deps.publisher.publish(event, {
    eventType: event.eventType,
    sector: offer.vacancy.sector,
    epci: offer.vacancy.epci,
    occupationDomain: occupationDomain(offer.vacancy.occupation),
    channel: offer.channel,
  });
}

export type DeliveryOutcome = 'sent' | 'held' | 'withdrawn' | 'skipped' | 'already-done';

/**
 * Sends one released offer at most once; its daily slot was taken when it was released.
 * Every step is a conditional status change, so a redelivered message finds the work
 * done; a failed send puts the offer back (slot kept) and throws, for the queue to retry
 * with backoff and, in the end, park it in the dead-letter queue.
 */
export async function deliverOffer(deps: OfferDeps, offerId: string): Promise<DeliveryOutcome> {
  const offer = await deps.offers.get(offerId);
  if (offer?.status !== 'pending') return 'already-done';
  const now = deps.clock.now();
  const at = now.toISOString();
  const freeSlot = () =>
    offer.slotDate ? deps.offers.releaseDailySlot(messagesTo(offer.seekerId), offer.slotDate) : undefined;
  const stop = async (status: 'withdrawn' | 'skipped', reason: string) => {
    if (await moveOffer(deps, offer, status, { reason, updatedAt: at })) await freeSlot();
    return status;
  };

  const match = await deps.matches.get(offer.id);
  if (match?.status !== 'active') return stop('withdrawn', match?.withdrawnReason ?? 'offer.matchGone');
  const vacancy = await deps.vacancies.get(offer.vacancyId);
  if (vacancy?.status !== 'open') return stop('withdrawn', 'offer.vacancyClosed');
  const profile = await deps.seekers.get(offer.seekerId);
  if (!profile?.consent.matching) return stop('skipped', 'offer.noConsent');
  const preferences = preferencesOf(profile);
  if (preferences.paused || profile.contact.channel === 'none') return stop('skipped', 'offer.paused');
  if (profile.contact.channel === 'push' && !(await deps.devices.latest(offer.seekerId))) {
    return stop('skipped', 'offer.noDevice');
  }
  if (inQuietHours(now, preferences.quietHours)) {
    // Released just before quiet hours began: it waits for their end, to be ranked with the others then.
    const moved = await moveOffer(deps, offer, 'held', {
      notBefore: endOfQuietHours(now, preferences.quietHours).toISOString(),
      reason: 'offer.quietHours',
      slotDate: '',
      updatedAt: at,
    });
    if (moved) await freeSlot();
    return moved ? 'held' : 'already-done';
  }
  // An offer released before slots were taken at release (an older item) takes one now.
  const slotDate = offer.slotDate || parisClock(now).date;
  if (
    !offer.slotDate &&
    !(await deps.offers.takeDailySlot(
      messagesTo(offer.seekerId),
      slotDate,
      preferences.dailyCap,
      offer.score,
    ))
  )
    return 'already-done';
  if (!(await moveOffer(deps, offer, 'sending', { slotDate, updatedAt: at }))) return 'already-done';
  const sending: Offer = { ...offer, slotDate, status: 'sending' };
  try {
    await send(deps, profile, offer.seekerId, offerText(forSms(offer), links(deps, offer)), offer.id);
  } catch (error) {
    await moveOffer(deps, sending, 'pending', { updatedAt: at });
    throw error;
  }
  await moveOffer(deps, sending, 'sent', { sentAt: at, updatedAt: at, reason: '' });
  return 'sent';
}

/**
 * The scheduled release: held offers whose quiet hours are over are ranked per seeker with
 * the others of that night (best first into the day's slots, the rest to the digest) and
 * sent; offers that hit yesterday's cap go out as one digest per seeker, best first.
 */
export async function releaseDueOffers(deps: OfferDeps): Promise<{ sent: number; digests: number }> {
  const due = await deps.offers.due(deps.clock.now());
  const placed = await placeForSeekers(
    deps,
    due.filter((o) => o.status === 'held'),
  );
  let sent = 0;
  for (const offer of placed.pending) if ((await deliverOffer(deps, offer.id)) === 'sent') sent++;
  const digests = new Map<string, Offer[]>();
  for (const offer of due)
    if (offer.status === 'digest')
      digests.set(offer.seekerId, [...(digests.get(offer.seekerId) ?? []), offer]);
  for (const [seekerId, offers] of digests) await sendDigest(deps, seekerId, offers.sort(bestFirst));
  return { sent, digests: digests.size };
}

async function sendDigest(deps: OfferDeps, seekerId: string, offers: Offer[]) {
  const profile = await deps.seekers.get(seekerId);
  const at = deps.clock.now().toISOString();
  if (!wantsOffers(profile)) {
    await Promise.all(
      offers.map((o) => moveOffer(deps, o, 'skipped', { reason: 'offer.paused', updatedAt: at })),
    );
    return;
  }
  const claimed: Offer[] = [];
  for (const offer of offers)
    if (await moveOffer(deps, offer, 'sending', { updatedAt: at }))
      claimed.push({ ...offer, status: 'sending' });
  if (claimed.length === 0) return;
  const text = digestText(claimed.map(forSms), {
    matches: deps.links.inbox(),
    unsubscribe: deps.links.unsubscribe(seekerId),
  });
  try {
    await send(deps, profile, seekerId, text, `digest-${seekerId}-${parisClock(deps.clock.now()).date}`);
  } catch (error) {
    await Promise.all(claimed.map((o) => moveOffer(deps, o, 'digest', { updatedAt: at })));
    throw error;
  }
  await Promise.all(
    claimed.map((o) => moveOffer(deps, o, 'sent', { sentAt: at, viaDigest: true, updatedAt: at })),
  );
}

/**
 * Offers whose delivery was cut short before `before`: still pending (their queue message
 * was lost with the process: the local queue is in memory) or stuck sending (the process
 * died mid-send). Pending ones are delivered now; a stuck send is finished when the sender
 * can tell whether it went out (the local outbox can), and left alone otherwise: at most
 * once rather than twice. The local runtime runs this at start, for what was in flight.
 */
export async function recoverStrandedOffers(deps: OfferDeps, before: Date): Promise<{ recovered: number }> {
  let recovered = 0;
  for (const offer of await deps.offers.due(before)) {
    if (offer.status === 'sending') {
      if (!deps.sender.sent) continue;
      const at = deps.clock.now().toISOString();
      if (await deps.sender.sent(offer.id)) {
        await moveOffer(deps, offer, 'sent', { sentAt: at, updatedAt: at, reason: '' });
        continue;
      }
      // Back to pending, keeping the slot the interrupted attempt had taken.
      if (!(await moveOffer(deps, offer, 'pending', { updatedAt: at }))) continue;
    } else if (offer.status !== 'pending') continue;
    await deliverOffer(deps, offer.id);
    recovered++;
  }
  return { recovered };
}

async function send(deps: OfferDeps, profile: SeekerProfile, seekerId: string, text: string, ref: string) {
  if (profile.contact.channel === 'sms' && profile.contact.phone)
    await deps.sender.sms(profile.contact.phone, text, ref, seekerId);
  else {
    const device = await deps.devices.latest(seekerId);
    if (!device) throw new Error('push chosen but no device registered');
    await deps.sender.push(device.endpoint, text, ref, seekerId);
  }
  // Erased while this was sent: where the sender keeps messages, they go too (see erasure-guard).
  if (await deps.seekers.isErased(seekerId)) await deps.sender.forget?.(seekerId);
}

/** The offer as an SMS may tell it: what the employer wrote, without links or direction tricks. */
const forSms = (offer: Offer): Offer => ({
  ...offer,
  vacancy: {
    ...offer.vacancy,
    title: smsSafe(offer.vacancy.title),
    commune: { ...offer.vacancy.commune, name: smsSafe(offer.vacancy.commune.name) },
  },
});

const links = (deps: OfferDeps, offer: Offer) => ({
  match: deps.links.offer(offer.id),
  unsubscribe: deps.links.unsubscribe(offer.seekerId),
});

/** Stops every offer to this seeker until they turn offers back on (profile `notifications.paused`). */
export async function pauseOffers(
  deps: Pick<OfferDeps, 'seekers' | 'clock'>,
  seekerId: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < lastWriterWinsAttempts; attempt++) {
    const profile = await deps.seekers.get(seekerId);
    if (!profile) return false;
    if (profile.notifications?.paused) return true;
    const next = {
      ...profile,
      notifications: { ...profile.notifications, paused: true },
      version: profile.version + 1,
      updatedAt: deps.clock.now().toISOString(),
    };
    try {
      await deps.seekers.replace(next, profile.version);
      return true;
    } catch (error) {
      if ((error as Error).name !== 'StaleWriteError' && !(error instanceof StaleWriteError)) throw error;
    }
  }
  throw new StaleWriteError();
}
