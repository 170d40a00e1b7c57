/** Saving what a planning team shares (areas, scenarios): create or replace, If-Match, a cap on their number. */

import type { ProblemKey } from '../../messages/problems';
import { StaleWriteError } from '../../ports/store';
import { ConflictError, PreconditionFailedError } from '../errors';

interface Versioned {
  version?: number | undefined;
}

export async function saveTeamItem<T extends Versioned>(
  store: {
    get(id: string): Promise<T | undefined>;
    save(item: T, expectedVersion: number | undefined): Promise<void>;
    list(): Promise<T[]>;
  },
  id: string,
  ifMatch: number | undefined,
  limit: { max: number; problem: ProblemKey },
  make: (version: number) => T,
): Promise<{ item: T; created: boolean }> {
  const current = await store.get(id);
  if (ifMatch !== undefined && current?.version !== ifMatch)
    throw new PreconditionFailedError(current?.version ?? 0);
  if (!current && (await store.list()).length >= limit.max)
    throw new ConflictError(limit.problem, { max: limit.max });
  const item = make((current?.version ?? 0) + 1);
  try {
    await store.save(item, current?.version);
  } catch (error) {
    if (error instanceof StaleWriteError) throw new PreconditionFailedError((current?.version ?? 0) + 1);
    throw error;
  }
  return { item, created: !current };
}
