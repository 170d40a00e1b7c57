/**
 * Importing timetables: GTFS feeds → the representative day's network → the journeys
 * between every pair of served communes → commute items, written beside the current
 * import and switched to in one write once complete (so the matcher never reads half an
 * import). The network is kept too, for planners' scenarios.
 */
import type { Clock } from '../../ports/runtime';
import type { CommutePair, TimetableStore, TimetableSummary } from '../../ports/timetable';
import { accessWalkKm, journeysTo, locatedCommunes, type Place, servedPlaces } from './commutes';
import { type FeedSource, networkFromGtfs } from './gtfs';
import { prepare } from './profile';

export interface ImportReport {
  summary: TimetableSummary;
  /** Milliseconds spent reading the feeds, computing journeys, writing items. */
  timings: { readMs: number; computeMs: number; writeMs: number };
}

const batch = 500;

export async function importTimetables(
  deps: { store: TimetableStore; clock: Clock },
  feeds: FeedSource[],
  options: { date?: string | undefined; sources?: string[]; places?: Place[] } = {},
): Promise<ImportReport> {
  const began = performance.now();
  const imported = await networkFromGtfs(feeds, { date: options.date });
  const read = performance.now();
  const version = deps.clock.now().toISOString().replace(/[-:]/g, '');
  const { network } = imported;
  const served = servedPlaces(network, options.places ?? locatedCommunes());
  const prepared = prepare(network);
  await deps.store.saveNetwork(version, network);
  let pairs = 0;
  let computeMs = 0;
  let pending: CommutePair[] = [];
  const flush = async () => {
    await deps.store.putJourneys(version, pending);
    pending = [];
  };
  for (const destination of served.keys()) {
    const started = performance.now();
    const found = journeysTo(prepared, served, destination);
    computeMs += performance.now() - started;
    for (const [from, journeys] of found) {
      pending.push({ from, to: destination, journeys });
      pairs++;
      if (pending.length >= batch) await flush();
    }
  }
  await flush();
  const summary: TimetableSummary = {
    version,
    importedAt: deps.clock.now().toISOString(),
    date: imported.date,
    weekday: imported.weekday,
    feeds: imported.feeds,
    stops: network.stops.length,
    lines: network.lines.length,
    trips: network.trips.length,
    connections: prepared.connections.length,
    communes: [...served.keys()].sort(),
    accessWalkKm,
    pairs,
    sources: options.sources ?? feeds.map((feed) => feed.name),
  };
  await deps.store.activate(summary);
  const total = performance.now() - began;
  return {
    summary,
    timings: {
      readMs: Math.round(read - began),
      computeMs: Math.round(computeMs),
      writeMs: Math.round(total - (read - began) - computeMs),
    },
  };
}
