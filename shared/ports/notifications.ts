import type { OfferAttributes, OfferPublished } from '../../events/offer-published';
import type { Offer, OfferStatus } from '../domain/offer';
import type { Page, PageRequest } from './store';

export interface DailyCounter {
  kind: 'seeker-messages' | 'employer-offers';
  id: string;
}

export interface OfferStore {
  /** Creates the offer unless one exists for the pair; true when created. */
  createIfAbsent(offer: Offer): Promise<boolean>;
  get(id: string): Promise<Offer | undefined>;
  /** Moves an offer from one of `from` to `to`; false when its status was not in `from`. */
  transition(offer: Offer, from: OfferStatus[], to: OfferStatus, patch: Partial<Offer>): Promise<boolean>;
  pageForSeeker(seekerId: string, page: PageRequest): Promise<Page<Offer>>;
  /** Held and digest offers whose time has come. */
  due(now: Date): Promise<Offer[]>;
  /** Counts one more on a daily counter (messages to a seeker, offers of an employer); false at the cap. */
  takeDailySlot(counter: DailyCounter, date: string, cap: number): Promise<boolean>;
  releaseDailySlot(counter: DailyCounter, date: string): Promise<void>;
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
