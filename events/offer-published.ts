/**
 * OfferPublished, version 1: sent to the `offers` SNS topic once per (vacancy, seeker).
 * The body names the offer and the vacancy, never the person: the deliverer looks the
 * seeker up by offer id, and partners subscribed to the topic learn of jobs, not people.
 * Message attributes (for SNS filter policies, no personal data): eventType, sector, epci,
 * occupationDomain, channel. Sample: events/samples/offer-published.json.
 */
import * as z from 'zod/mini';

export const offerPublishedV1 = z
  .object({
    eventType: z.literal('OfferPublished'),
    version: z.literal(1),
    /** Deterministic: the match id, so duplicates are recognisable downstream. */
    id: z.string(),
    occurredAt: z.iso.datetime(),
    vacancy: z.object({
      id: z.string(),
      title: z.string(),
      sector: z.string(),
      occupation: z.string(),
      commune: z.object({ code: z.string(), name: z.string() }),
      epci: z.string(),
    }),
    channel: z.enum(['sms', 'push']),
    score: z.number(),
    commute: z.object({ mode: z.string(), minutes: z.number() }),
  })
  .register(z.globalRegistry, { id: 'OfferPublished' });
export type OfferPublished = z.output<typeof offerPublishedV1>;

export const offerAttributeNames = ['eventType', 'sector', 'epci', 'occupationDomain', 'channel'] as const;
/** The SNS message attributes of an offer: what filter policies can select on. */
export type OfferAttributes = Record<(typeof offerAttributeNames)[number], string>;
