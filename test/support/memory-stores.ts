import type { SeekerProfile } from '../../shared/domain/seeker';
import type { Vacancy } from '../../shared/domain/vacancy';
import {
  InvalidCursorError,
  type SeekerStore,
  StaleWriteError,
  type VacancyStore,
} from '../../shared/ports/store';

/** In-memory test doubles of the storage ports, with the same conditional-write rules. */
export function memoryVacancyStore(): VacancyStore & { items: Map<string, Vacancy> } {
  const items = new Map<string, Vacancy>();
  return {
    items,
    async create(vacancy) {
      if (items.has(vacancy.id)) throw new StaleWriteError();
      items.set(vacancy.id, structuredClone(vacancy));
    },
    async get(id) {
      const found = items.get(id);
      return found && structuredClone(found);
    },
    async replace(vacancy, expectedVersion) {
      const current = items.get(vacancy.id);
      if (current?.version !== expectedVersion) throw new StaleWriteError(current?.version);
      items.set(vacancy.id, structuredClone(vacancy));
    },
    async listByOwner(owner, { limit, cursor }) {
      const all = [...items.values()]
        .filter((v) => v.owner === owner)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const start = cursor === undefined ? 0 : Number(cursor);
      if (!Number.isInteger(start) || start < 0) throw new InvalidCursorError();
      const page = all.slice(start, start + limit);
      return start + limit < all.length
        ? { items: page, nextCursor: String(start + limit) }
        : { items: page };
    },
  };
}

export function memorySeekerStore(): SeekerStore & { items: Map<string, SeekerProfile> } {
  const items = new Map<string, SeekerProfile>();
  const erased = new Set<string>();
  return {
    items,
    async get(id) {
      const found = items.get(id);
      return found && structuredClone(found);
    },
    async create(profile) {
      if (items.has(profile.id)) throw new StaleWriteError();
      items.set(profile.id, structuredClone(profile));
    },
    async replace(profile, expectedVersion) {
      if (items.get(profile.id)?.version !== expectedVersion) throw new StaleWriteError();
      items.set(profile.id, structuredClone(profile));
    },
    async erase(id) {
      return items.delete(id) ? 1 : 0;
    },
    async inactiveSince(cutoff) {
      return [...items.values()].filter((p) => p.updatedAt < cutoff.toISOString()).map((p) => p.id);
    },
    async markErased(id) {
      erased.add(id);
    },
    async isErased(id) {
      return erased.has(id);
    },
    async clearErased(id) {
      erased.delete(id);
    },
    async everything(id): Promise<Record<string, unknown[]>> {
      const profile = items.get(id);
      return profile ? { SeekerProfile: [structuredClone(profile)] } : {};
    },
  };
}

export const fixedClock = (iso = '2026-11-26T08:00:00.000Z') => {
  let now = new Date(iso);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
};

export const sequentialIds = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
};
