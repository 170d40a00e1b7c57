import type * as z from 'zod/mini';
import { domainOf } from '../shared/adapters/dynamodb/items';
import type { EntityKind } from '../shared/entities';

/**
 * The domain object in an unmarshalled stream image, if the image holds that kind of
 * entity (shared/entities.ts); images written by an older schema version are upgraded
 * first. Apart from table-stream.ts so a consumer's bundle leaves out the envelope schema.
 */
export function entityImage<E extends EntityKind>(
  image: Record<string, unknown> | undefined,
  kind: E,
): z.output<E['schema']> | undefined {
  if (!image || image.entity !== kind.name) return undefined;
  const stored = domainOf<Record<string, unknown>>(image);
  return kind.schema.parse(kind.upgrade ? kind.upgrade(stored) : stored) as z.output<E['schema']>;
}
