import type { OfferPublished } from '../../../events/offer-published';
import { digestText, offerText } from '../../messages/sms';
import type { MatchStore } from '../../ports/matching';
import type {
  DailyCounter,
  DeviceRegistry,
  MessageSender,
  OfferPublisher,
  OfferStore,
} from '../../ports/notifications';
import type { Clock } from '../../ports/runtime';
import { type SeekerStore, StaleWriteError, type VacancyStore } from '../../ports/store';
import { findCommune } from '../../reference/communes';
import { occupationDomain } from '../../reference/occupations';
import { lastWriterWinsAttempts } from '../concurrency';
import type { Match } from '../match';
import type { Offer, OfferStatus } from '../offer';
import { notificationDefaults, type SeekerProfile } from '../seeker';
import { endOfQuietHours, inQuietHours, parisClock } from './paris-time';
import { smsSafe } from './sms-text';
import { unsubscribeToken } from './unsubscribe-token';

export interface OfferDeps {
  offers: OfferStore;
  matches: MatchStore;
  seekers: SeekerStore;
  vacancies: VacancyStore;
  publisher: OfferPublisher;
  sender: MessageSender;
  devices: DeviceRegistry;
  clock: Clock;
  config: { notifyThreshold: number; publicUrl: string; unsubscribeSecret: string; employerDailyCap: number };
}

const preferencesOf = (profile: SeekerProfile) => ({ ...notificationDefaults, ...profile.notifications });

/**
 * A match changed: if it is good enough for a seeker who wants offers, create the offer
 * (once per pair, whatever the redeliveries); if it was withdrawn, withdraw the offer
 * unless it already went out.
 */
export async function onMatchChanged(
  deps: OfferDeps,
  match: Match,
): Promise<'created' | 'withdrawn' | 'ignored' | 'capped'> {
  const now = deps.clock.now().toISOString();
  if (match.status !== 'active') {
    const existing = await deps.offers.get(match.id);
    if (!existing) return 'ignored';
    const moved = await deps.offers.transition(existing, ['pending', 'held', 'digest'], 'withdrawn', {
      reason: match.withdrawnReason ?? 'offer.matchGone',
      updatedAt: now,
    });
    return moved ? 'withdrawn' : 'ignored';
  }
  if (match.score < deps.config.notifyThreshold || match.response !== 'pending') return 'ignored';
  const profile = await deps.seekers.get(match.seekerId);
  if (!profile?.consent.matching || profile.contact.channel === 'none' || preferencesOf(profile).paused)
    return 'ignored';
  if (await deps.offers.get(match.id)) return 'ignored';
  // A cap on offers per employer per day, so one account cannot flood the territory's phones.
  const employer: DailyCounter = { kind: 'employer-offers', id: match.employerId };
  const today = parisClock(deps.clock.now()).date;
  if (!(await deps.offers.takeDailySlot(employer, today, deps.config.employerDailyCap))) return 'capped';
  const commune = findCommune(match.vacancy.commune.code);
  const created = await deps.offers.createIfAbsent({
    id: match.id,
    vacancyId: match.vacancyId,
    seekerId: match.seekerId,
    channel: profile.contact.channel,
    status: 'pending',
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
  });
  if (!created) await deps.offers.releaseDailySlot(employer, today);
  return created ? 'created' : 'ignored';
}

/** A new offer item: tell the topic (subscribers filter on the attributes). */
export async function publishOffer(
  deps: Pick<OfferDeps, 'publisher' | 'clock'>,
  offer: Offer,
): Promise<void> {
  const event: OfferPublished = {
    eventType: 'OfferPublished',
    version: 1,
    id: offer.id,
    occurredAt: offer.createdAt,
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

export type DeliveryOutcome = 'sent' | 'held' | 'digest' | 'withdrawn' | 'skipped' | 'already-done';

/**
 * Sends one offer at most once. Every step is a conditional status change, so a
 * redelivered message finds the work done; a failed send puts the offer back and throws,
 * for the queue to retry with backoff and, in the end, park it in the dead-letter queue.
 */
export async function deliverOffer(deps: OfferDeps, offerId: string): Promise<DeliveryOutcome> {
  const offer = await deps.offers.get(offerId);
  if (!offer || !['pending', 'held'].includes(offer.status)) return 'already-done';
  const now = deps.clock.now();
  const at = now.toISOString();
  const stop = async (status: 'withdrawn' | 'skipped', reason: string) => {
    await deps.offers.transition(offer, ['pending', 'held'], status, { reason, updatedAt: at });
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
    const notBefore = endOfQuietHours(now, preferences.quietHours).toISOString();
    const moved = await deps.offers.transition(offer, ['pending'], 'held', {
      notBefore,
      reason: 'offer.quietHours',
      updatedAt: at,
    });
    return moved ? 'held' : 'already-done';
  }
  const today = parisClock(now).date;
  if (!(await deps.offers.takeDailySlot(messagesTo(offer.seekerId), today, preferences.dailyCap))) {
    // The next Paris midnight, whatever the season's offset, then the end of that night's quiet hours.
    const midnight = new Date(now.getTime() + (24 * 60 - parisClock(now).minutes) * 60_000);
    const tomorrow = endOfQuietHours(midnight, preferences.quietHours);
    const moved = await deps.offers.transition(offer, ['pending', 'held'], 'digest', {
      notBefore: tomorrow.toISOString(),
      reason: 'offer.dailyCap',
      updatedAt: at,
    });
    return moved ? 'digest' : 'already-done';
  }
  if (!(await deps.offers.transition(offer, ['pending', 'held'], 'sending', { updatedAt: at }))) {
    await deps.offers.releaseDailySlot(messagesTo(offer.seekerId), today);
    return 'already-done';
  }
  try {
    await send(deps, profile, offer.seekerId, offerText(forSms(offer), links(deps, offer)), offer.id);
  } catch (error) {
    await deps.offers.transition(offer, ['sending'], offer.status, { updatedAt: at });
    await deps.offers.releaseDailySlot(messagesTo(offer.seekerId), today);
    throw error;
  }
  await deps.offers.transition(offer, ['sending'], 'sent', { sentAt: at, updatedAt: at, reason: '' });
  return 'sent';
}

/**
 * The scheduled release: held offers whose quiet hours are over go out; offers that hit
 * yesterday's cap go out as one digest per seeker.
 */
export async function releaseDueOffers(deps: OfferDeps): Promise<{ sent: number; digests: number }> {
  const due = (await deps.offers.due(deps.clock.now())).filter((o) => isWaiting(o.status));
  let sent = 0;
  const digests = new Map<string, Offer[]>();
  for (const offer of due) {
    if (offer.status === 'held') {
      if ((await deliverOffer(deps, offer.id)) === 'sent') sent++;
    } else if (offer.status === 'digest') {
      digests.set(offer.seekerId, [...(digests.get(offer.seekerId) ?? []), offer]);
    }
  }
  for (const [seekerId, offers] of digests) {
    const profile = await deps.seekers.get(seekerId);
    const at = deps.clock.now().toISOString();
    if (!profile?.consent.matching || preferencesOf(profile).paused || profile.contact.channel === 'none') {
      await Promise.all(
        offers.map((o) =>
          deps.offers.transition(o, ['digest'], 'skipped', {
            reason: 'offer.paused',
            updatedAt: at,
          }),
        ),
      );
      continue;
    }
    const claimed: Offer[] = [];
    for (const offer of offers)
      if (await deps.offers.transition(offer, ['digest'], 'sending', { updatedAt: at })) claimed.push(offer);
    if (claimed.length === 0) continue;
    const text = digestText(claimed.map(forSms), {
      matches: `${deps.config.publicUrl}/m`,
      unsubscribe: unsubscribeLink(deps, seekerId),
    });
    try {
      await send(deps, profile, seekerId, text, `digest-${seekerId}-${parisClock(deps.clock.now()).date}`);
    } catch (error) {
      await Promise.all(
        claimed.map((o) => deps.offers.transition(o, ['sending'], 'digest', { updatedAt: at })),
      );
      throw error;
    }
    await Promise.all(
      claimed.map((o) =>
        deps.offers.transition(o, ['sending'], 'sent', { sentAt: at, viaDigest: true, updatedAt: at }),
      ),
    );
  }
  return { sent, digests: digests.size };
}

const isWaiting = (status: OfferStatus) => status === 'held' || status === 'digest';

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
        await deps.offers.transition(offer, ['sending'], 'sent', { sentAt: at, updatedAt: at, reason: '' });
        continue;
      }
      if (!(await deps.offers.transition(offer, ['sending'], 'pending', { updatedAt: at }))) continue;
      // The interrupted attempt had taken a slot of that day's cap.
      await deps.offers.releaseDailySlot(
        messagesTo(offer.seekerId),
        parisClock(new Date(offer.updatedAt)).date,
      );
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

const unsubscribeLink = (deps: OfferDeps, seekerId: string) =>
  `${deps.config.publicUrl}/u/${unsubscribeToken(seekerId, deps.config.unsubscribeSecret)}`;

const links = (deps: OfferDeps, offer: Offer) => ({
  match: `${deps.config.publicUrl}/m/${offer.id}`,
  unsubscribe: unsubscribeLink(deps, offer.seekerId),
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

const messagesTo = (seekerId: string): DailyCounter => ({ kind: 'seeker-messages', id: seekerId });
