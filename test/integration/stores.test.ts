import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoSeekerStore } from '../../shared/adapters/dynamodb/seeker-store';
import { dynamoVacancyStore } from '../../shared/adapters/dynamodb/vacancy-store';
import type { Vacancy } from '../../shared/domain/vacancy';
import { InvalidCursorError, StaleWriteError } from '../../shared/ports/store';
import { startLocalTable } from '../support/local-table';
import { storedSeeker, storedVacancy } from '../support/samples';

let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeAll(async () => {
  local = await startLocalTable();
});
afterAll(() => local.stop());

const vacancyAt = (id: string, owner: string, minute: number): Vacancy => {
  const at = new Date(Date.UTC(2026, 10, 26, 8, minute)).toISOString();
  return {
    ...storedVacancy(),
    id,
    owner,
    status: 'open',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
};

describe('vacancy store on dynalite', () => {
  it('creates once, replaces only from the expected version', async () => {
    const store = dynamoVacancyStore(local.table);
    const v = vacancyAt('a1', 'acme', 0);
    await store.create(v);
    await expect(store.create(v)).rejects.toBeInstanceOf(StaleWriteError);
    await store.replace({ ...v, openings: 4, version: 2 }, 1);
    await expect(store.replace({ ...v, openings: 9, version: 2 }, 1)).rejects.toBeInstanceOf(StaleWriteError);
    expect(await store.get('a1')).toMatchObject({ openings: 4, version: 2 });
    expect(await store.get('nope')).toBeUndefined();
  });

  it('pages through one owner’s 45 vacancies, newest first, without seeing another owner’s', async () => {
    const store = dynamoVacancyStore(local.table);
    for (let i = 0; i < 45; i++) await store.create(vacancyAt(`p${i}`, 'pager', i));
    await store.create(vacancyAt('other', 'rival', 50));
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await store.listByOwner('pager', { limit: 20, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((v) => v.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 45 }, (_, i) => `p${44 - i}`));
    const first = await store.listByOwner('pager', { limit: 20 });
    await expect(store.listByOwner('rival', { limit: 20, cursor: first.nextCursor })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });
});

describe('seeker store on dynalite', () => {
  it('erases every item in the person’s partition and nobody else’s', async () => {
    const store = dynamoSeekerStore(local.table);
    const now = '2026-11-26T08:00:00.000Z';
    const profile = { ...storedSeeker(), createdAt: now, updatedAt: now };
    await store.create({ ...profile, id: 'lea' });
    await store.create({ ...profile, id: 'tom' });
    // Items later issues will add under the person's partition (matches, devices, …).
    for (let i = 0; i < 40; i++) {
      await local.table.doc.send(
        new PutCommand({
          TableName: 'bassin',
          Item: { PK: 'SEEKER#lea', SK: `MATCH#${i}`, entity: 'Match' },
        }),
      );
    }
    expect(await store.erase('lea')).toBe(41);
    const left = await local.table.doc.send(
      new QueryCommand({
        TableName: 'bassin',
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'SEEKER#lea' },
      }),
    );
    expect(left.Items).toEqual([]);
    expect(await store.get('tom')).toMatchObject({ id: 'tom' });
    expect(await store.erase('lea')).toBe(0);
  });
});
