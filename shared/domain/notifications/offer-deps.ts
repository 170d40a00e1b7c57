import type { MatchStore } from '../../ports/matching';
import type {
  DailyCounter,
  DeviceRegistry,
  MessageSender,
  OfferPublisher,
  OfferStore,
  WaveStore,
} from '../../ports/notifications';
import type { Clock } from '../../ports/runtime';
import type { SeekerStore, VacancyStore } from '../../ports/store';
import { IllegalOfferMoveError, isLegalMove, type Offer, type OfferStatus } from '../offer';
import { notificationDefaults, type SeekerProfile } from '../seeker';
import type { WaveSettings } from './waves-settings';

/** The links a message carries: built at the edge (public URL, signed token), not here. */
export interface OfferLinks {
  offer(offerId: string): string;
  inbox(): string;
  unsubscribe(seekerId: string): string;
}

export interface OfferDeps {
  offers: OfferStore;
  waves: WaveStore;
  matches: MatchStore;
  seekers: SeekerStore;
  vacancies: VacancyStore;
  publisher: OfferPublisher;
  sender: MessageSender;
  devices: DeviceRegistry;
  links: OfferLinks;
  clock: Clock;
  config: {
    notifyThreshold: number;
    employerDailyCap: number;
    /** Verifies the one-click stop tokens (the links themselves are built at the edge). */
    unsubscribeSecret: string;
    waves: WaveSettings;
  };
}

/**
 * Every status change of an offer goes through here: the move must be in `offerMoves`
 * (a programming error otherwise), and it is written only if the offer still has the
 * status it was read with (false when someone else moved it first).
 */
export async function moveOffer(
  deps: Pick<OfferDeps, 'offers'>,
  offer: Offer,
  to: OfferStatus,
  patch: Partial<Offer>,
): Promise<boolean> {
  if (!isLegalMove(offer.status, to)) throw new IllegalOfferMoveError(offer.status, to);
  return deps.offers.transition(offer, to, patch);
}

export const preferencesOf = (profile: SeekerProfile) => ({
  ...notificationDefaults,
  ...profile.notifications,
});

/** Whether a message may go to this person at all: consent, a channel, not paused. */
export const wantsOffers = (profile: SeekerProfile | undefined): profile is SeekerProfile =>
  !!profile?.consent.matching && profile.contact.channel !== 'none' && !preferencesOf(profile).paused;

export const messagesTo = (seekerId: string): DailyCounter => ({ kind: 'seeker-messages', id: seekerId });
export const offeredThisWeek = (seekerId: string): DailyCounter => ({ kind: 'seeker-week', id: seekerId });
export const offersOf = (employerId: string): DailyCounter => ({ kind: 'employer-offers', id: employerId });
