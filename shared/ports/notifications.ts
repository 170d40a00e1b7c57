import type { OfferAttributes, OfferPublished } from '../../events/offer-published';
import type { OfferWaves } from '../domain/notifications/waves';
import type { Offer, OfferStatus } from '../domain/offer';
import type { Page, PageRequest } from './store';

export interface DailyCounter {
  /** Messages to a seeker per day, offers released to a seeker per ISO week, offers of an employer per day. */
  kind: 'seeker-messages' | 'seeker-week' | 'employer-offers';
  id: string;
}

export interface OfferStore {
  /** Creates the offer unless one exists for the pair; true when created. */
  createIfAbsent(offer: Offer): Promise<boolean>;
  get(id: string): Promise<Offer | undefined>;
  /**
   * Writes `to` and the patch if the offer's status is still the one it was read with; false
   * when it moved meanwhile. Only `moveOffer` (the domain's check of `offerMoves`) calls it.
   */
  transition(offer: Offer, to: OfferStatus, patch: Partial<Offer>): Promise<boolean>;
  pageForSeeker(seekerId: string, page: PageRequest): Promise<Page<Offer>>;
  /** Offers on their way (pending, held, digest, sending) whose time has come. */
  due(now: Date): Promise<Offer[]>;
  /** A vacancy's queued offers in rank order: best score first, then shortest commute. */
  queued(vacancyId: string, page: PageRequest): Promise<Page<Offer>>;
  /**
   * Counts one more on a counter (messages to a seeker, offers of an employer); false at
   * the cap. `score` is kept beside a seeker's message count (see `scoresCounted`).
   */
  takeDailySlot(counter: DailyCounter, date: string, cap: number, score?: number): Promise<boolean>;
  releaseDailySlot(counter: DailyCounter, date: string): Promise<void>;
  /** Counts one more without a cap (the offers released to a seeker this week). */
  count(counter: DailyCounter, date: string): Promise<void>;
  counted(counter: DailyCounter, date: string): Promise<number>;
  /** The scores of the offers that took a seeker's message slots that day. */
  scoresCounted(counter: DailyCounter, date: string): Promise<number[]>;
}

/** Each vacancy's wave schedule (see domain/notifications/waves.ts). */
export interface WaveStore {
  get(vacancyId: string): Promise<OfferWaves | undefined>;
  /** Writes the schedule if its version is still `expectedVersion` (0: none stored yet); false otherwise. */
  save(waves: OfferWaves, expectedVersion: number): Promise<boolean>;
  /** Schedules whose next wave is due at or before `asOf`, earliest first. */
  due(asOf: Date, limit: number): Promise<OfferWaves[]>;
}

export interface OfferPublisher {
  publish(event: OfferPublished, attributes: OfferAttributes): Promise<void>;
}

/**
 * Where messages leave Bassin: SNS SMS and mobile push in AWS, a local outbox in `npm start`.
 * `ref` names the message (an offer id, a digest); `subject` is the seeker it is for.
 */
export interface MessageSender {
  sms(phone: string, text: string, ref: string, subject: string): Promise<void>;
  push(endpoint: string, text: string, ref: string, subject: string): Promise<void>;
  /** Whether a message with this ref went out; only a sender that keeps what it sent can tell. */
  sent?(ref: string): Promise<boolean>;
  /** Forgets what was sent to this person (erasure), where the sender keeps it. */
  forget?(subject: string): Promise<void>;
}

export interface Device {
  id: string;
  platform: 'android' | 'ios';
  endpoint: string;
  createdAt: string;
}

export interface DeviceRegistry {
  /** Registers a device token with the push service and returns its endpoint. */
  register(seekerId: string, platform: Device['platform'], token: string): Promise<string>;
  save(seekerId: string, device: Device): Promise<void>;
  latest(seekerId: string): Promise<Device | undefined>;
  /** Deletes the person's endpoints at the push service (erasure). */
  forgetAll(seekerId: string): Promise<void>;
}
