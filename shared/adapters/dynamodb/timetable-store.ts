import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Journey } from '../../domain/transit/journeys';
import type { Network } from '../../domain/transit/network';
import type { Clock } from '../../ports/runtime';
import type { TimetableStore, TimetableSummary } from '../../ports/timetable';
import type { TableClient } from './client';
import { domainOf, isExpired, putItems, queryAll } from './items';
import { timetableKeys } from './keys/timetable-keys';

/**
 * Items of an import expire a year and a month after it (TTL): a newer import replaces
 * them, and the scheduled import runs again at least twice a year, so the current one never expires.
 */
export const timetableTtlSeconds = 400 * 24 * 3600;
/** Below DynamoDB's 400 KB item limit, with room for the keys. */
const chunkBytes = 350_000;

type Compact = [number, number, [string, string, string, string, number, number][]];
const compact = (journeys: Journey[]): Compact[] =>
  journeys.map((j) => [
    j.departure,
    j.arrival,
    j.legs.map((l) => [l.line, l.mode, l.from, l.to, l.departure, l.arrival]),
  ]);
const expand = (rows: Compact[]): Journey[] =>
  rows.map(([departure, arrival, legs]) => ({
    departure,
    arrival,
    legs: legs.map(([line, mode, from, to, dep, arr]) => ({
      line,
      mode: mode as Journey['legs'][number]['mode'],
      from,
      to,
      departure: dep,
      arrival: arr,
    })),
  }));

export function dynamoTimetableStore(table: TableClient, clock: Clock): TimetableStore {
  const { doc, tableName } = table;
  // A network never changes within an import: each container reads it once.
  let read: { version: string; network: Promise<Network | undefined> } | undefined;
  const expiresAt = () => Math.floor(clock.now().getTime() / 1000) + timetableTtlSeconds;

  const readNetwork = async (version: string) => {
    const items = await queryAll(table, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :p AND begins_with(SK, :s)',
      ExpressionAttributeValues: {
        ':p': timetableKeys.networkPartition(version),
        ':s': timetableKeys.networkPrefix,
      },
    });
    if (items.length === 0) return undefined;
    const data = Buffer.concat(items.map((item) => item.data as Uint8Array));
    return JSON.parse(gunzipSync(data).toString('utf8')) as Network;
  };

  return {
    async current() {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: timetableKeys.current }));
      return Item && domainOf<TimetableSummary>(Item);
    },
    async journeys(version, from, to) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: timetableKeys.commute(version, from, to) }),
      );
      if (!Item || isExpired(Item, clock.now().getTime())) return undefined;
      return expand(JSON.parse(Item.journeys as string) as Compact[]);
    },
    async putJourneys(version, pairs) {
      const ttl = expiresAt();
      await putItems(
        table,
        pairs.map((pair) => ({
          ...timetableKeys.commute(version, pair.from, pair.to),
          entity: timetableKeys.commuteEntity,
          journeys: JSON.stringify(compact(pair.journeys)),
          expiresAt: ttl,
        })),
      );
    },
    async saveNetwork(version, network) {
      const data = gzipSync(JSON.stringify(network));
      const items: Record<string, unknown>[] = [];
      for (let i = 0, n = 0; i < data.length || n === 0; i += chunkBytes, n++)
        items.push({
          ...timetableKeys.networkChunk(version, n),
          entity: timetableKeys.networkEntity,
          data: data.subarray(i, i + chunkBytes),
          expiresAt: expiresAt(),
        });
      // Chunks of up to 350 KB: one BatchWrite (25 of them) at a time.
      await putItems(table, items, 1);
    },
    network(version) {
      if (read?.version !== version) read = { version, network: readNetwork(version) };
      read.network.catch(() => {
        read = undefined;
      });
      return read.network;
    },
    async activate(summary) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...timetableKeys.current, entity: timetableKeys.currentEntity, ...summary },
        }),
      );
    },
  };
}
