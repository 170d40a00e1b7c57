import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Offer } from '../../domain/offer';
import type { OfferStore } from '../../ports/notifications';
import { StaleWriteError } from '../../ports/store';
import type { TableClient } from './client';
import { takeBackIfErased } from './erasure-guard';
import { conditionally, domainOf, indexPartition, queryPage, queryPartitionsBelow } from './items';
import { offerKeys } from './keys/offer-keys';

/**
 * Offers on their way are listed by the time they may (or should have) gone out: held and
 * digest offers at `notBefore`, pending ones since creation, sending ones since claimed,
 * so the scheduled release finds what is due and a restart finds what was cut short.
 */
function dueAt(offer: Offer): string | undefined {
  if (offer.status === 'held' || offer.status === 'digest') return offer.notBefore;
  if (offer.status === 'pending') return offer.createdAt;
  if (offer.status === 'sending') return offer.updatedAt;
  return undefined;
}

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
            Item: {
              ...offerKeys.primary(offer.seekerId, offer.vacancyId),
              ...offerKeys.byId(offer.id),
              ...offerKeys.inbox(offer.seekerId, offer.createdAt, offer.vacancyId),
              ...(dueAt(offer) ? offerKeys.due(dueAt(offer) as string, offer.id) : {}),
              entity: offerKeys.entity,
              ...offer,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        ),
      )) &&
      !(await takeBackIfErased(table, offer.seekerId, [offerKeys.primary(offer.seekerId, offer.vacancyId)])),

    async get(id) {
      const [found] = await indexPartition<Offer>(table, 'GSI2', offerKeys.byIdPartition(id));
      return found;
    },

    transition(offer, from, to, patch) {
      const fields: Record<string, unknown> = { ...patch, status: to };
      const names = Object.keys(fields);
      const next = { ...offer, ...fields } as Offer;
      const dueTime = dueAt(next);
      const due = dueTime ? offerKeys.due(dueTime, offer.id) : undefined;
      const set = [
        ...names.map((_, i) => `#f${i} = :v${i}`),
        ...(due ? ['GSI3PK = :duePk', 'GSI3SK = :dueSk'] : []),
      ];
      return ignoreStale(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: offerKeys.primary(offer.seekerId, offer.vacancyId),
            UpdateExpression: `SET ${set.join(', ')}${due ? '' : ' REMOVE GSI3PK, GSI3SK'}`,
            ConditionExpression: `#status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
            ExpressionAttributeNames: {
              '#status': 'status',
              ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])),
            },
            ExpressionAttributeValues: {
              ...Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n]])),
              ...Object.fromEntries(from.map((s, i) => [`:from${i}`, s])),
              ...(due ? { ':duePk': due.GSI3PK, ':dueSk': due.GSI3SK } : {}),
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

    takeDailySlot: async (counter, date, cap) =>
      (await ignoreStale(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: offerKeys.dailyCount(counter, date),
            UpdateExpression: 'ADD #count :one SET expiresAt = :expires, entity = :entity',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :cap',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':cap': cap,
              ':entity': offerKeys.dailyCountEntity,
              ':expires': Math.floor(Date.parse(`${date}T00:00:00Z`) / 1000) + 3 * 86_400,
            },
          }),
        ),
      )) &&
      !(
        counter.kind === 'seeker-messages' &&
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
  };
}
