import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Offer } from '../../domain/offer';
import type { OfferStore } from '../../ports/notifications';
import { StaleWriteError } from '../../ports/store';
import type { TableClient } from './client';
import { takeBackIfErased } from './erasure-guard';
import { conditionally, domainOf, indexPartition, queryPage, queryPartitionsBelow } from './items';
import { offerKeys } from './keys/offer-keys';

/**
 * The GSI3 key of an offer in its status: the vacancy's queue while queued; while on its
 * way, the time it may (or should have) gone out: held and digest offers at `notBefore`,
 * pending ones since released, sending ones since claimed, so the scheduled release finds
 * what is due and a restart finds what was cut short. None once final.
 */
function listKey(offer: Offer): { GSI3PK: string; GSI3SK: string } | undefined {
  if (offer.status === 'queued')
    return offerKeys.queue(offer.vacancyId, offer.score, offer.commute.minutes, offer.id);
  const at =
    offer.status === 'held' || offer.status === 'digest'
      ? offer.notBefore
      : offer.status === 'pending'
        ? (offer.releasedAt ?? offer.createdAt)
        : offer.status === 'sending'
          ? offer.updatedAt
          : undefined;
  return at ? offerKeys.due(at, offer.id) : undefined;
}

/** The seeker's inbox lists an offer once released (a queued one may never go out). */
const inboxKey = (offer: Offer) =>
  offer.status === 'queued'
    ? undefined
    : offerKeys.inbox(offer.seekerId, offer.releasedAt ?? offer.createdAt, offer.vacancyId);

/** The stored item of an offer: its keys in every list it belongs to (also how bench:offers loads them). */
export const offerItem = (offer: Offer) => ({
  ...offerKeys.primary(offer.seekerId, offer.vacancyId),
  ...offerKeys.byId(offer.id),
  ...inboxKey(offer),
  ...listKey(offer),
  entity: offerKeys.entity,
  ...offer,
});

export function dynamoOfferStore(table: TableClient): OfferStore {
  const { doc, tableName } = table;
  const ignoreStale = async (write: () => Promise<unknown>) => {
    try {
      await conditionally(write);
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  };

  return {
    createIfAbsent: async (offer) =>
      (await ignoreStale(() =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: offerItem(offer),
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      )) &&
      !(await takeBackIfErased(table, offer.seekerId, [offerKeys.primary(offer.seekerId, offer.vacancyId)])),

    async get(id) {
      const [found] = await indexPartition<Offer>(table, 'GSI2', offerKeys.byIdPartition(id));
      return found;
    },

    transition(offer, to, patch) {
      const fields: Record<string, unknown> = { ...patch, status: to };
      const next = { ...offer, ...fields } as Offer;
      const list = listKey(next);
      // Leaving the queue puts the offer in the seeker's inbox (once: its key does not move after).
      const inbox = offer.status === 'queued' && to !== 'queued' ? inboxKey(next) : undefined;
      Object.assign(fields, list, inbox);
      const names = Object.keys(fields);
      const set = names.map((_, i) => `#f${i} = :v${i}`);
      return ignoreStale(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: offerKeys.primary(offer.seekerId, offer.vacancyId),
            UpdateExpression: `SET ${set.join(', ')}${list ? '' : ' REMOVE GSI3PK, GSI3SK'}`,
            // The status it was read with: the domain checked the move (offerMoves); this makes it atomic.
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: {
              '#status': 'status',
              ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
            },
            ExpressionAttributeValues: {
              ...Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n]])),
              ':from': offer.status,
            },
          }),
        ),
      );
    },

    pageForSeeker: (seekerId, { limit, cursor }) =>
      queryPage<Offer>(table, {
        index: 'GSI1',
        partition: offerKeys.inboxPartition(seekerId),
        newestFirst: true,
        limit,
        cursor,
      }),

    async due(now) {
      // Held offers wait at most a night and digests a day: the last three dates cover them.
      const iso = now.toISOString();
      const days = [-2, -1, 0].map((d) =>
        new Date(now.getTime() + d * 86_400_000).toISOString().slice(0, 10),
      );
      const items = await queryPartitionsBelow(table, {
        index: 'GSI3',
        partitions: days.map(offerKeys.duePartition),
        // Sort keys are `<notBefore>#<id>`: everything due at or before now sorts below `<now>#~`.
        below: `${iso}#~`,
      });
      return items.map((item) => domainOf<Offer>(item));
    },

    queued: (vacancyId, { limit, cursor }) =>
      queryPage<Offer>(table, {
        index: 'GSI3',
        partition: offerKeys.queuePartition(vacancyId),
        limit,
        cursor,
      }),

    takeDailySlot: async (counter, date, cap, score) =>
      (await ignoreStale(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: offerKeys.dailyCount(counter, date),
            UpdateExpression: `ADD #count :one${score === undefined ? '' : ', scores :score'} SET expiresAt = :expires, entity = :entity`,
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :cap',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':cap': cap,
              ':entity': offerKeys.dailyCountEntity,
              ':expires': expiresAfter(date),
              // A number set: enough to tell the lowest score that took a slot that day.
              ...(score === undefined ? {} : { ':score': new Set([score]) }),
            },
          }),
        ),
      )) &&
      !(
        counter.kind !== 'employer-offers' &&
        (await takeBackIfErased(table, counter.id, [offerKeys.dailyCount(counter, date)]))
      ),

    async releaseDailySlot(counter, date) {
      await ignoreStale(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: offerKeys.dailyCount(counter, date),
            UpdateExpression: 'ADD #count :minus',
            ConditionExpression: '#count > :zero',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          }),
        ),
      );
    },

    async count(counter, date) {
      await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: offerKeys.dailyCount(counter, date),
          UpdateExpression: 'ADD #count :one SET expiresAt = :expires, entity = :entity',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':entity': offerKeys.dailyCountEntity,
            ':expires': expiresAfter(date, 10),
          },
        }),
      );
      if (counter.kind !== 'employer-offers')
        await takeBackIfErased(table, counter.id, [offerKeys.dailyCount(counter, date)]);
    },

    async counted(counter, date) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: offerKeys.dailyCount(counter, date) }),
      );
      return Number(Item?.count ?? 0);
    },

    async scoresCounted(counter, date) {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: offerKeys.dailyCount(counter, date),
          ConsistentRead: true,
        }),
      );
      return [...((Item?.scores as Set<number> | undefined) ?? [])];
    },
  };
}

/** Counters outlive their day by a few (TTL; `date` is a Paris date or an ISO week). */
function expiresAfter(date: string, days = 3): number {
  const start = /^\d{4}-W\d{2}$/.test(date) ? Date.now() : Date.parse(`${date}T00:00:00Z`);
  return Math.floor(start / 1000) + days * 86_400;
}
