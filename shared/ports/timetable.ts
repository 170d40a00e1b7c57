import type { FeedSummary } from '../domain/transit/gtfs';
import type { Journey } from '../domain/transit/journeys';
import type { Network } from '../domain/transit/network';
import type { Scenario } from '../domain/transit/scenario';

/** What an import loaded, and what the matcher needs to know to read its commute items. */
export interface TimetableSummary {
  /** Names this import's items; items of other versions are not read. */
  version: string;
  importedAt: string;
  /** Representative day (YYYYMMDD) and its weekday (0 = Monday). */
  date: string;
  weekday: number;
  feeds: FeedSummary[];
  stops: number;
  lines: number;
  trips: number;
  connections: number;
  /** Communes with a stop within walking distance of their point: pairs of these have timetable answers. */
  communes: string[];
  accessWalkKm: number;
  /** Commute items written (ordered pairs of communes with a journey). */
  pairs: number;
  /** Fingerprints of the source files, so an unchanged set is not imported again. */
  sources: string[];
}

export interface CommutePair {
  from: string;
  to: string;
  journeys: Journey[];
}

/** Timetables as imported: the current summary, the commute items, and the network for scenarios. */
export interface TimetableStore {
  current(): Promise<TimetableSummary | undefined>;
  /** The day's journeys between two communes of an import; undefined when the pair has none. */
  journeys(version: string, from: string, to: string): Promise<Journey[] | undefined>;
  putJourneys(version: string, pairs: CommutePair[]): Promise<void>;
  saveNetwork(version: string, network: Network): Promise<void>;
  network(version: string): Promise<Network | undefined>;
  /** Makes an import the current one, once all of its items are written. */
  activate(summary: TimetableSummary): Promise<void>;
}

/** Planners' scenarios (versioned; StaleWriteError on a stale version, as for areas). */
export interface ScenarioStore {
  get(id: string): Promise<Scenario | undefined>;
  save(scenario: Scenario, expectedVersion: number | undefined): Promise<void>;
  list(): Promise<Scenario[]>;
}
