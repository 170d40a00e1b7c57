import * as z from 'zod';
import type { Language } from '../messages/language';
import { noticeText } from '../messages/notices';
import { occupationLabel, sectorLabel } from './labels';
import { commuteMode, identifier, int32, isoTimestamp } from './schema-parts';
import { contactChannel } from './seeker';

/**
 * An offer pushed to a seeker about one of their matches: one per (vacancy, seeker), its
 * id the match's. Its status only moves forward, by conditional writes:
 * pending → sending → sent; pending → held (quiet hours) → sending → sent;
 * pending → digest (daily cap reached) → sent in the next digest;
 * pending | held | digest → withdrawn (match withdrawn) or skipped (seeker paused, opted out).
 */
export const offerStatus = z.enum(['pending', 'held', 'digest', 'sending', 'sent', 'withdrawn', 'skipped']);
export type OfferStatus = z.infer<typeof offerStatus>;

export const offer = z
  .object({
    id: identifier,
    vacancyId: identifier,
    seekerId: identifier,
    channel: contactChannel.exclude(['none']),
    status: offerStatus,
    reason: z.string().max(300).optional(),
    /** When a held or digest offer may go out. */
    notBefore: isoTimestamp.optional(),
    sentAt: isoTimestamp.optional(),
    viaDigest: z.boolean().optional(),
    score: int32(0, 100),
    vacancy: z.object({
      title: z.string().max(200),
      sector: z.string().max(50),
      occupation: z.string().max(5),
      commune: z.object({ code: z.string().max(5), name: z.string().max(100) }),
      epci: z.string().max(20),
    }),
    commute: z.object({ mode: commuteMode, minutes: int32(0, 1440) }),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .meta({ id: 'Offer' });
export type Offer = z.output<typeof offer>;

/** The inbox: what was sent or is waiting, and why (the reason's code and its words). */
export const inboxEntry = offer
  .pick({
    id: true,
    vacancyId: true,
    channel: true,
    status: true,
    reason: true,
    notBefore: true,
    sentAt: true,
    commute: true,
    createdAt: true,
  })
  .extend({
    reasonText: z.string().max(300).optional(),
    vacancy: offer.shape.vacancy.extend({
      labels: z.object({ sector: z.string().max(200), occupation: z.string().max(250) }),
    }),
  })
  .meta({ id: 'InboxEntry' });
export const toInboxEntry = (o: Offer, language: Language): z.output<typeof inboxEntry> =>
  inboxEntry.parse({
    ...o,
    ...(o.reason ? { reasonText: noticeText(o.reason, language) } : {}),
    vacancy: {
      ...o.vacancy,
      labels: { sector: sectorLabel(o.vacancy.sector), occupation: occupationLabel(o.vacancy.occupation) },
    },
  });
