import { offerRank } from '../../../domain/notifications/waves-settings';

/**
 * Offers live in the seeker's partition (erasure takes them). GSI1 is the seeker's inbox,
 * newest first, from the moment a wave releases the offer; GSI2 finds an offer by id. GSI3
 * holds the offer in the one list its status belongs to: while queued, its vacancy's queue
 * in rank order (best score, then shortest commute); while on its way (pending, held,
 * digest, sending), the list by the date it may (or should have) gone out.
 */

export const offerKeys = {
  entity: 'Offer',
  primary: (seekerId: string, vacancyId: string) => ({ PK: `SEEKER#${seekerId}`, SK: `OFFER#${vacancyId}` }),
  /** All of a seeker's offers: their partition, under this prefix. */
  seekerPrefix: 'OFFER#',
  byIdPartition: (offerId: string) => `OFFER#${offerId}`,
  byId: (offerId: string) => ({ GSI2PK: offerKeys.byIdPartition(offerId), GSI2SK: 'OFFER' }),
  inboxPartition: (seekerId: string) => `SEEKER#${seekerId}#OFFERS`,
  inbox: (seekerId: string, at: string, vacancyId: string) => ({
    GSI1PK: offerKeys.inboxPartition(seekerId),
    GSI1SK: `${at}#${vacancyId}`,
  }),
  queuePartition: (vacancyId: string) => `VACANCY#${vacancyId}#QUEUE`,
  queue: (vacancyId: string, score: number, commuteMinutes: number, offerId: string) => ({
    GSI3PK: offerKeys.queuePartition(vacancyId),
    GSI3SK: `${offerRank(score, commuteMinutes)}#${offerId}`,
  }),
  duePartition: (date: string) => `OFFERS#DUE#${date}`,
  due: (notBefore: string, offerId: string) => ({
    GSI3PK: offerKeys.duePartition(notBefore.slice(0, 10)),
    GSI3SK: `${notBefore}#${offerId}`,
  }),
  /**
   * Daily counters: a seeker's messages and the offers released to them this week (in
   * their partition, erased with them), an employer's offers.
   */
  dailyCount: (
    counter: { kind: 'seeker-messages' | 'seeker-week' | 'employer-offers'; id: string },
    date: string,
  ) =>
    counter.kind === 'seeker-messages'
      ? { PK: `SEEKER#${counter.id}`, SK: `SENT#${date}` }
      : counter.kind === 'seeker-week'
        ? { PK: `SEEKER#${counter.id}`, SK: `OFFERED#${date}` }
        : { PK: `EMPLOYER#${counter.id}`, SK: `OFFERS#${date}` },
  /** A vacancy's wave schedule: in its partition; GSI3 lists the schedules by when the next wave is due. */
  wave: (vacancyId: string) => ({ PK: `VACANCY#${vacancyId}`, SK: 'OFFER-WAVES' }),
  waveEntity: 'OfferWaves',
  wavesDuePartition: 'OFFER-WAVES#DUE',
  waveDue: (dueAt: string, vacancyId: string) => ({
    GSI3PK: offerKeys.wavesDuePartition,
    GSI3SK: `${dueAt}#${vacancyId}`,
  }),
  dailyCountEntity: 'DailyCount',
} as const;
