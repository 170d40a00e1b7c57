import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoSeekerStore } from '../../shared/adapters/dynamodb/seeker-store';
import type { SeekerProfile } from '../../shared/domain/seeker';
import { eraseInactiveSeekers } from '../../shared/domain/seeker-operations';
import { startLocalTable } from '../support/local-table';
import { storedSeeker } from '../support/samples';

let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeAll(async () => {
  local = await startLocalTable();
});
afterAll(() => local.stop());

const lastActive = '2026-03-15T10:00:00.000Z';
const profile = (id: string, updatedAt: string): SeekerProfile => ({
  ...storedSeeker(),
  id,
  version: 1,
  createdAt: updatedAt,
  updatedAt,
});

describe('retention: two years after the last activity', () => {
  it('keeps a seeker one day before, erases them (and what they had) one day after', async () => {
    const seekers = dynamoSeekerStore(local.table);
    await seekers.create(profile('old-timer', lastActive));
    await seekers.create(profile('recent', '2027-09-01T08:00:00.000Z'));
    await local.table.doc.send(
      new PutCommand({
        TableName: 'bassin',
        Item: { PK: 'SEEKER#old-timer', SK: 'MATCH#v1', entity: 'Match' },
      }),
    );
    const at = (iso: string) => ({ seekers, clock: { now: () => new Date(iso) } });

    expect(await eraseInactiveSeekers(at('2028-03-14T10:00:00.000Z'))).toEqual([]);
    expect(await seekers.get('old-timer')).toBeDefined();

    expect(await eraseInactiveSeekers(at('2028-03-16T10:00:00.000Z'))).toEqual(['old-timer']);
    expect(await seekers.get('old-timer')).toBeUndefined();
    // Nothing is left but the record of the erasure itself.
    expect(await seekers.everything('old-timer')).toEqual({
      Tombstone: [{ erasedAt: '2028-03-16T10:00:00.000Z' }],
    });
    expect(await seekers.isErased('old-timer')).toBe(true);
    expect(await seekers.get('recent')).toBeDefined();
    // Running again finds nothing more.
    expect(await eraseInactiveSeekers(at('2028-03-17T10:00:00.000Z'))).toEqual([]);
  });
});
