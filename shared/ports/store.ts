/** Storage ports the domain depends on. Adapters in shared/adapters implement them. */
import type { SeekerProfile } from '../domain/seeker';
import type { Vacancy } from '../domain/vacancy';

export interface Page<T> {
  items: T[];
  /** Opaque; absent on the last page. */
  nextCursor?: string;
}

export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** A conditional write lost: the item exists (create) or its version moved (replace). */
export class StaleWriteError extends Error {
  constructor(readonly currentVersion?: number) {
    super('conditional write refused');
  }
}

/** A cursor that this store did not issue for this listing. */
export class InvalidCursorError extends Error {}

export interface VacancyStore {
  /** Writes a new vacancy; StaleWriteError if the id is taken. */
  create(vacancy: Vacancy): Promise<void>;
  get(id: string): Promise<Vacancy | undefined>;
  /** Replaces the vacancy if its stored version is `expectedVersion`; StaleWriteError otherwise. */
  replace(vacancy: Vacancy, expectedVersion: number): Promise<void>;
  /** The owner's vacancies, newest first. */
  listByOwner(owner: string, page: PageRequest): Promise<Page<Vacancy>>;
}

export interface SeekerStore {
  get(id: string): Promise<SeekerProfile | undefined>;
  /** StaleWriteError if a profile already exists. */
  create(profile: SeekerProfile): Promise<void>;
  /** StaleWriteError if the stored version is not `expectedVersion`. */
  replace(profile: SeekerProfile, expectedVersion: number): Promise<void>;
  /** Removes every item that belongs to this person; returns how many were removed. */
  erase(id: string): Promise<number>;
  /** Ids of people whose profile last changed before `cutoff`, looking `monthsBack` months before it. */
  inactiveSince(cutoff: Date, monthsBack: number): Promise<string[]>;
  /** Remembers an erasure for a while, so late or replayed events cannot bring anything back. */
  markErased(id: string, at: Date): Promise<void>;
  isErased(id: string): Promise<boolean>;
  /** The person came back and created a new profile. */
  clearErased(id: string): Promise<void>;
  /** Every item held about this person, grouped by kind (GDPR access and portability). */
  everything(id: string): Promise<Record<string, unknown[]>>;
}
