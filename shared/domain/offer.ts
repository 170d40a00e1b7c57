import * as z from 'zod/mini';
import type { Language } from '../messages/language';
import { noticeText } from '../messages/notices';
import { occupationLabel, sectorLabel } from './labels';
import { boundedString, commuteMode, identifier, int32, isoTimestamp } from './schema-parts';
import { offerChannel } from './seeker';

/**
 * An offer pushed to a seeker about one of their matches: one per (vacancy, seeker), its
 * id the match's. It waits `queued` in its vacancy's queue, ranked, until a wave releases
 * it; then it goes out by SMS or push (`pending`, its daily slot already taken), waits for
 * the end of quiet hours (`held`) or for tomorrow's digest (`digest`). Its status moves
 * only along `offerMoves`, by conditional writes from the status that was read.
 */
const offerStatuses = [
  'queued',
  'pending',
  'held',
  'digest',
  'sending',
  'sent',
  'withdrawn',
  'skipped',
] as const;
export const offerStatus = /* @__PURE__ */ (() => z.enum(offerStatuses))();
export type OfferStatus = z.infer<typeof offerStatus>;

/**
 * The legal moves, the one place they are written. `queued → queued` is a re-ranking (the
 * match's score changed while it waited); `sending → pending | digest` puts a failed or
 * interrupted send back where it came from; `pending → held` is a release that reached the
 * deliverer after quiet hours began. Sent, withdrawn and skipped are final.
 */
export const offerMoves = {
  queued: ['queued', 'pending', 'held', 'digest', 'withdrawn', 'skipped'],
  pending: ['sending', 'held', 'withdrawn', 'skipped'],
  held: ['pending', 'digest', 'withdrawn', 'skipped'],
  digest: ['sending', 'withdrawn', 'skipped'],
  sending: ['sent', 'pending', 'digest'],
  sent: [],
  withdrawn: [],
  skipped: [],
} as const satisfies Record<OfferStatus, readonly OfferStatus[]>;

export const isLegalMove = (from: OfferStatus, to: OfferStatus): boolean =>
  (offerMoves[from] as readonly OfferStatus[]).includes(to);

export class IllegalOfferMoveError extends Error {
  constructor(
    readonly from: OfferStatus,
    readonly to: OfferStatus,
  ) {
    super(`an offer cannot move from ${from} to ${to}`);
    this.name = 'IllegalOfferMoveError';
  }
}

/** Statuses that still wait for a message to go out (the ones a withdrawal or a pause stops). */
export const waitingStatuses = ['queued', 'pending', 'held', 'digest'] as const satisfies OfferStatus[];

export const offer = /* @__PURE__ */ (() =>
  z
    .object({
      id: identifier,
      vacancyId: identifier,
      seekerId: identifier,
      channel: offerChannel,
      status: offerStatus,
      reason: z.optional(boundedString(300)),
      /** The wave of its vacancy that released it (1, 2, …). */
      wave: z.optional(int32(1, 10_000)),
      /** When a wave released it. */
      releasedAt: z.optional(isoTimestamp),
      /** The Paris date whose daily slot it holds while pending (taken when released). */
      slotDate: z.optional(boundedString(10)),
      /** When a held or digest offer may go out. */
      notBefore: z.optional(isoTimestamp),
      sentAt: z.optional(isoTimestamp),
      viaDigest: z.optional(z.boolean()),
      score: int32(0, 100),
      vacancy: z.object({
        title: boundedString(200),
        sector: boundedString(50),
        occupation: boundedString(5),
        commune: z.object({ code: boundedString(5), name: boundedString(100) }),
        epci: boundedString(20),
      }),
      commute: z.object({ mode: commuteMode, minutes: int32(0, 1440) }),
      createdAt: isoTimestamp,
      updatedAt: isoTimestamp,
    })
    .register(z.globalRegistry, { id: 'Offer' }))();
export type Offer = z.output<typeof offer>;

/** The inbox: what was sent or is waiting, and why (the reason's code and its words). */
export const inboxEntry = /* @__PURE__ */ (() =>
  z
    .extend(
      z.pick(offer, {
        id: true,
        vacancyId: true,
        channel: true,
        status: true,
        reason: true,
        notBefore: true,
        sentAt: true,
        commute: true,
        createdAt: true,
      }),
      {
        // The inbox lists offers once a wave released them: never `queued`.
        status: z.enum(
          offerStatuses.filter((status): status is Exclude<OfferStatus, 'queued'> => status !== 'queued'),
        ),
        reasonText: z.optional(boundedString(300)),
        vacancy: z.extend(offer.shape.vacancy, {
          labels: z.object({
            sector: boundedString(200),
            occupation: boundedString(250),
          }),
        }),
      },
    )
    .register(z.globalRegistry, { id: 'InboxEntry' }))();
export const toInboxEntry = (o: Offer, language: Language): z.output<typeof inboxEntry> =>
  inboxEntry.parse({
    ...o,
    ...(o.reason ? { reasonText: noticeText(o.reason, language) } : {}),
    vacancy: {
      ...o.vacancy,
      labels: { sector: sectorLabel(o.vacancy.sector), occupation: occupationLabel(o.vacancy.occupation) },
    },
  });
