import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { TableClient } from './client';
import { deleteKeys, isExpired } from './items';
import { seekerKeys } from './keys/seeker-keys';

/** Whether the person's erasure tombstone is there (strongly consistent). */
export async function isErased({ doc, tableName }: TableClient, seekerId: string): Promise<boolean> {
  const { Item } = await doc.send(
    new GetCommand({ TableName: tableName, Key: seekerKeys.tombstone(seekerId), ConsistentRead: true }),
  );
  return Item !== undefined && !isExpired(Item);
}

/**
 * Erasure wins every race: it writes the tombstone first, then deletes the person's
 * partition. Whoever writes an item into a person's partition from outside their own
 * request (stream and queue consumers) checks the tombstone after the write lands and
 * deletes what it wrote if it is there. Either the erasure's delete comes after the write
 * and takes it, or the write comes after the tombstone and this check sees it: no order
 * of the two leaves anything behind. DynamoDB conditions can only test the item written,
 * hence a check after, not a condition. True when the write was taken back. (Matches do
 * the same by re-reading the profile after saving: shared/domain/matching/confirm.ts.)
 */
export async function takeBackIfErased(
  table: TableClient,
  seekerId: string,
  keys: { PK: string; SK: string }[],
): Promise<boolean> {
  if (!(await isErased(table, seekerId))) return false;
  await deleteKeys(table, keys);
  return true;
}
