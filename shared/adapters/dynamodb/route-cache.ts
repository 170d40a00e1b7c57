import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../ports/runtime';
import type { CachedRoute, RouteCache } from '../../ports/travel-time';
import type { TableClient } from './client';
import { isExpired } from './items';
import { routeCacheKeys } from './keys/route-cache-keys';

/** Roads change: a cached route is paid for again after 90 days (TTL; filtered on read locally). */
const ttlSeconds = 90 * 24 * 3600;

export function dynamoRouteCache({ doc, tableName }: TableClient, clock: Clock): RouteCache {
  return {
    async get(key) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: routeCacheKeys.primary(key) }),
      );
      if (!Item || isExpired(Item, clock.now().getTime())) return undefined;
      return { minutes: Item.minutes as number, distanceKm: Item.distanceKm as number };
    },
    async put(key, route: CachedRoute) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...routeCacheKeys.primary(key),
            entity: routeCacheKeys.entity,
            ...route,
            expiresAt: Math.floor(clock.now().getTime() / 1000) + ttlSeconds,
          },
        }),
      );
    },
  };
}
