import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { OfferWaves } from '../../domain/notifications/waves';
import type { WaveStore } from '../../ports/notifications';
import { StaleWriteError } from '../../ports/store';
import type { TableClient } from './client';
import { conditionally, domainOf } from './items';
import { offerKeys } from './keys/offer-keys';

/**
 * A vacancy's wave schedule, one item in the vacancy's partition, versioned (the offers
 * consumer's lanes and the wave job both change it). While a wave is due it is listed on
 * GSI3 by due time in one partition: a territory has a few thousand open vacancies, and
 * each schedule is written a handful of times per wave.
 */
export function dynamoWaveStore(table: TableClient): WaveStore {
  const { doc, tableName } = table;
  const get = async (vacancyId: string) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: offerKeys.wave(vacancyId), ConsistentRead: true }),
    );
    return Item && domainOf<OfferWaves>(Item);
  };
  return {
    get,

    async save(waves, expectedVersion) {
      try {
        await conditionally(() =>
          doc.send(
            new PutCommand({
              TableName: tableName,
              Item: {
                ...offerKeys.wave(waves.vacancyId),
                ...(waves.dueAt ? offerKeys.waveDue(waves.dueAt, waves.vacancyId) : {}),
                entity: offerKeys.waveEntity,
                ...waves,
              },
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
              ...(expectedVersion === 0
                ? {}
                : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
            }),
          ),
        );
        return true;
      } catch (error) {
        if (error instanceof StaleWriteError) return false;
        throw error;
      }
    },

    async due(asOf, limit) {
      const result = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'GSI3',
          KeyConditionExpression: 'GSI3PK = :p AND GSI3SK < :below',
          ExpressionAttributeValues: {
            ':p': offerKeys.wavesDuePartition,
            ':below': `${asOf.toISOString()}#~`,
          },
          Limit: limit,
        }),
      );
      // The index is eventually consistent: the job reads each schedule again before acting.
      const listed = (result.Items ?? []).map((item) => domainOf<OfferWaves>(item));
      const current = await Promise.all(listed.map((w) => get(w.vacancyId)));
      return current.filter((w): w is OfferWaves => !!w?.dueAt && w.dueAt <= asOf.toISOString());
    },
  };
}
