/** Storage of planning statistics: per-entity contributions and per-(unit, month) buckets. */

import type { Area } from '../domain/planning/areas';
import type { EntityKey } from '../domain/planning/codes';
import type { Contribution, Counts } from '../domain/planning/contributions';
import type { Month } from '../domain/planning/months';

export interface ContributionRecord {
  entityKey: EntityKey;
  /** Increases by one per change applied; marks in buckets carry it. */
  seq: number;
  /** The current month when last reconciled: months before it are final. */
  through: Month;
  applied: Contribution;
  /** Set while a change is being applied: the contribution being moved to. */
  pending?: Contribution;
  live: boolean;
}

export interface StatisticsStore {
  record(entityKey: EntityKey): Promise<ContributionRecord | undefined>;
  /** Writes the record if its stored seq is `expectedSeq` (absent when undefined); StaleWriteError otherwise. */
  saveRecord(record: ContributionRecord, expectedSeq: number | undefined): Promise<void>;
  /** Drops the record of an entity that no longer exists once its history is applied. */
  deleteRecord(entityKey: EntityKey, seq: number): Promise<void>;
  /**
   * Adds `delta` to a bucket and leaves `mark = seq` in the same single-item write, unless
   * that mark is already there: applying the same (mark, seq) twice counts once.
   */
  applyOnce(bucket: string, delta: Counts, mark: string, seq: number): Promise<void>;
  /** Removes a mark once its record says the change is applied (keeps buckets small). */
  clearMark(bucket: string, mark: string): Promise<void>;
  /** Entities still counting in `month` (open vacancies, active seekers) when reconciled through it. */
  liveThrough(month: Month): Promise<EntityKey[]>;
  /** Buckets of one unit for months `from`–`to` (or the "now" bucket); absent buckets are empty. */
  buckets(unit: string, from: Month, to: Month): Promise<Map<Month, Counts>>;
  /** One month's (or "now") bucket of each unit, in the order given; absent buckets are empty. */
  bucketsOf(units: string[], month: Month | 'now'): Promise<Counts[]>;
  /** The first month anything was counted: months before it have no figures (not zeros). */
  firstMonth(): Promise<Month | undefined>;
  /** Records that something was counted in `month` (keeps the earliest). */
  noteCountedMonth(month: Month): Promise<void>;
}

/** Planners' own areas (built-in ones are not stored). */
export interface AreaStore {
  get(id: string): Promise<Area | undefined>;
  /** Creates (expectedVersion undefined: must not exist) or replaces at `expectedVersion`; StaleWriteError otherwise. */
  save(area: Area, expectedVersion: number | undefined): Promise<void>;
  list(): Promise<Area[]>;
}
