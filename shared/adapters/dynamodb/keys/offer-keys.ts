/**
 * Offers live in the seeker's partition (erasure takes them). GSI1 is the seeker's inbox,
 * newest first; GSI2 finds an offer by id; GSI3 lists held and digest offers by the Paris
 * date they may go out (present only in those states), for the scheduled release.
 */
export const offerKeys = {
  entity: 'Offer',
  primary: (seekerId: string, vacancyId: string) => ({ PK: `SEEKER#${seekerId}`, SK: `OFFER#${vacancyId}` }),
  byIdPartition: (offerId: string) => `OFFER#${offerId}`,
  byId: (offerId: string) => ({ GSI2PK: offerKeys.byIdPartition(offerId), GSI2SK: 'OFFER' }),
  inboxPartition: (seekerId: string) => `SEEKER#${seekerId}#OFFERS`,
  inbox: (seekerId: string, createdAt: string, vacancyId: string) => ({
    GSI1PK: offerKeys.inboxPartition(seekerId),
    GSI1SK: `${createdAt}#${vacancyId}`,
  }),
  duePartition: (date: string) => `OFFERS#DUE#${date}`,
  due: (notBefore: string, offerId: string) => ({
    GSI3PK: offerKeys.duePartition(notBefore.slice(0, 10)),
    GSI3SK: `${notBefore}#${offerId}`,
  }),
  /** Daily counters: a seeker's messages (in their partition, erased with them), an employer's offers. */
  dailyCount: (counter: { kind: 'seeker-messages' | 'employer-offers'; id: string }, date: string) =>
    counter.kind === 'seeker-messages'
      ? { PK: `SEEKER#${counter.id}`, SK: `SENT#${date}` }
      : { PK: `EMPLOYER#${counter.id}`, SK: `OFFERS#${date}` },
  dailyCountEntity: 'DailyCount',
} as const;
