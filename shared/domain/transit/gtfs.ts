/**
 * Standard GTFS (agency, stops, routes, trips, stop_times, calendar, calendar_dates,
 * transfers) to the network of one representative weekday. Several feeds are merged (ids
 * are prefixed by the feed's position). The day's own trips are kept, and the trips of
 * the day before that run past midnight, moved to the early hours. Rows come from a
 * `FeedSource` (the zip reader in shared/adapters/gtfs), so this stays free of I/O.
 */
import { addDays, dateRange, representativeDay, runsOn, type ServiceCalendar, weekdayOf } from './calendar';
import {
  type Network,
  type TransitLine,
  type TransitMode,
  type TransitStop,
  type TransitTransfer,
  type TransitTrip,
  withNearbyTransfers,
} from './network';

export interface FeedSource {
  /** The file name, for messages. */
  name: string;
  files: ReadonlySet<string>;
  /** Rows of one file as objects keyed by column; each row's line number in `line`. */
  rows(file: string): AsyncIterable<{ row: Record<string, string>; line: number }>;
}

/** A feed that cannot be read as GTFS: the message says which file and line, in French. */
export class GtfsError extends Error {
  override name = 'GtfsError';
}

export interface FeedSummary {
  name: string;
  agencies: string[];
  stops: number;
  lines: number;
  trips: number;
  tripsKept: number;
  firstDate: string;
  lastDate: string;
}

export interface ImportedNetwork {
  network: Network;
  /** The representative day (YYYYMMDD) and its weekday (0 = Monday). */
  date: string;
  weekday: number;
  feeds: FeedSummary[];
}

const required: Record<string, string[]> = {
  'stops.txt': ['stop_id', 'stop_lat', 'stop_lon'],
  'routes.txt': ['route_id', 'route_type'],
  'trips.txt': ['route_id', 'service_id', 'trip_id'],
  'stop_times.txt': ['trip_id', 'stop_id', 'stop_sequence'],
};

/** GTFS route_type (basic and extended) to a mode. */
export function modeOf(routeType: number): TransitMode {
  if (routeType === 0 || (routeType >= 900 && routeType < 1000)) return 'tram';
  if (routeType === 1 || (routeType >= 400 && routeType < 500)) return 'metro';
  if (routeType === 2 || (routeType >= 100 && routeType < 200)) return 'rail';
  if (routeType === 3 || routeType === 11 || (routeType >= 700 && routeType < 800)) return 'bus';
  if (routeType >= 200 && routeType < 300) return 'coach';
  if (routeType === 4 || (routeType >= 1000 && routeType < 1300)) return 'ferry';
  if (routeType >= 5 && routeType <= 7) return 'cable';
  return 'other';
}

/** "25:10:00" → seconds after midnight of the service day; undefined when empty. */
export function parseTime(text: string, where: string): number | undefined {
  if (text === '') return undefined;
  const match = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(text);
  if (!match) throw new GtfsError(`${where} : heure « ${text} » invalide (attendu HH:MM:SS)`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

const datePattern = /^\d{8}$/;

async function* rowsOf(feed: FeedSource, file: string) {
  let checked = false;
  for await (const item of feed.rows(file)) {
    if (!checked) {
      const missing = (required[file] ?? []).filter((column) => !(column in item.row));
      if (missing.length)
        throw new GtfsError(`${feed.name} : ${file} n'a pas la colonne ${missing.join(', ')}`);
      checked = true;
    }
    yield item;
  }
}

async function readCalendar(feed: FeedSource): Promise<ServiceCalendar> {
  const calendar: ServiceCalendar = { services: new Map(), exceptions: new Map() };
  if (!feed.files.has('calendar.txt') && !feed.files.has('calendar_dates.txt'))
    throw new GtfsError(
      `${feed.name} : ni calendar.txt ni calendar_dates.txt : on ne sait pas quels jours circulent les trajets`,
    );
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  if (feed.files.has('calendar.txt'))
    for await (const { row, line } of rowsOf(feed, 'calendar.txt')) {
      const start = row.start_date ?? '';
      const end = row.end_date ?? '';
      if (!datePattern.test(start) || !datePattern.test(end))
        throw new GtfsError(
          `${feed.name} : calendar.txt, ligne ${line} : dates « ${start} », « ${end} » invalides (attendu AAAAMMJJ)`,
        );
      calendar.services.set(row.service_id ?? '', { days: days.map((d) => row[d] === '1'), start, end });
    }
  if (feed.files.has('calendar_dates.txt'))
    for await (const { row, line } of rowsOf(feed, 'calendar_dates.txt')) {
      const date = row.date ?? '';
      const type = row.exception_type;
      if (!datePattern.test(date) || (type !== '1' && type !== '2'))
        throw new GtfsError(
          `${feed.name} : calendar_dates.txt, ligne ${line} : date ou exception_type invalide`,
        );
      const service = row.service_id ?? '';
      const dates = calendar.exceptions.get(service) ?? new Map<string, 1 | 2>();
      dates.set(date, type === '1' ? 1 : 2);
      calendar.exceptions.set(service, dates);
    }
  return calendar;
}

interface FeedState {
  feed: FeedSource;
  index: number;
  calendar: ServiceCalendar;
  trips: Map<string, { route: string; service: string }>;
  tripsPerService: Map<string, number>;
}

async function openFeed(feed: FeedSource, index: number): Promise<FeedState> {
  for (const file of Object.keys(required))
    if (!feed.files.has(file)) throw new GtfsError(`${feed.name} : le fichier ${file} manque`);
  const calendar = await readCalendar(feed);
  const trips = new Map<string, { route: string; service: string }>();
  const tripsPerService = new Map<string, number>();
  for await (const { row } of rowsOf(feed, 'trips.txt')) {
    const service = row.service_id ?? '';
    trips.set(row.trip_id ?? '', { route: row.route_id ?? '', service });
    tripsPerService.set(service, (tripsPerService.get(service) ?? 0) + 1);
  }
  return { feed, index, calendar, trips, tripsPerService };
}

/** Merged calendar of all feeds (service ids prefixed), for choosing one day for all. */
function mergedCalendar(states: FeedState[]) {
  const calendar: ServiceCalendar = { services: new Map(), exceptions: new Map() };
  const perService = new Map<string, number>();
  for (const { index, calendar: own, tripsPerService } of states) {
    for (const [id, service] of own.services) calendar.services.set(`${index}:${id}`, service);
    for (const [id, dates] of own.exceptions) calendar.exceptions.set(`${index}:${id}`, dates);
    for (const [id, count] of tripsPerService) perService.set(`${index}:${id}`, count);
  }
  return { calendar, perService };
}

export async function networkFromGtfs(
  feeds: FeedSource[],
  options: { date?: string | undefined } = {},
): Promise<ImportedNetwork> {
  if (feeds.length === 0) throw new GtfsError('aucun fichier GTFS donné');
  const states: FeedState[] = [];
  for (const [index, feed] of feeds.entries()) states.push(await openFeed(feed, index));
  const { calendar, perService } = mergedCalendar(states);
  const date = options.date ?? representativeDay(calendar, perService)?.date;
  if (!date) throw new GtfsError('aucun service ne circule dans ces fichiers (calendriers vides)');
  if (!datePattern.test(date)) throw new GtfsError(`date « ${date} » invalide (attendu AAAAMMJJ)`);
  const eve = addDays(date, -1);

  const stops: TransitStop[] = [];
  const stopIndex = new Map<string, number>();
  const lines: TransitLine[] = [];
  const lineIndex = new Map<string, number>();
  const trips: TransitTrip[] = [];
  const transfers: TransitTransfer[] = [];
  const summaries: FeedSummary[] = [];

  for (const state of states) {
    const { feed, index } = state;
    // Trips of the day, and of the eve when they run past midnight (offset −24 h).
    const offsets = new Map<string, number[]>();
    for (const [id, trip] of state.trips) {
      const own: number[] = [];
      if (runsOn(state.calendar, trip.service, date)) own.push(0);
      if (runsOn(state.calendar, trip.service, eve)) own.push(-86_400);
      if (own.length) offsets.set(id, own);
    }
    const times = new Map<
      string,
      { sequence: number; stop: string; arrival?: number; departure?: number }[]
    >();
    for await (const { row, line } of rowsOf(feed, 'stop_times.txt')) {
      const trip = row.trip_id ?? '';
      if (!offsets.has(trip)) {
        if (!state.trips.has(trip))
          throw new GtfsError(
            `${feed.name} : stop_times.txt, ligne ${line} : trajet « ${trip} » absent de trips.txt`,
          );
        continue;
      }
      const where = `${feed.name} : stop_times.txt, ligne ${line}`;
      const arrival = parseTime(row.arrival_time ?? '', where);
      const departure = parseTime(row.departure_time ?? '', where);
      const sequence = Number(row.stop_sequence);
      if (!Number.isInteger(sequence))
        throw new GtfsError(`${where} : stop_sequence « ${row.stop_sequence} » invalide`);
      const list = times.get(trip) ?? [];
      list.push({
        sequence,
        stop: row.stop_id ?? '',
        ...(arrival !== undefined || departure !== undefined
          ? { arrival: arrival ?? (departure as number), departure: departure ?? (arrival as number) }
          : {}),
      });
      times.set(trip, list);
    }

    const wantedStops = new Set<string>();
    for (const list of times.values()) for (const time of list) wantedStops.add(time.stop);
    const feedStops = new Map<string, TransitStop>();
    let stopRows = 0;
    for await (const { row, line } of rowsOf(feed, 'stops.txt')) {
      stopRows++;
      const id = row.stop_id ?? '';
      if (!wantedStops.has(id)) continue;
      const lat = Number(row.stop_lat);
      const lon = Number(row.stop_lon);
      if (!row.stop_lat || !row.stop_lon || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180))
        throw new GtfsError(
          `${feed.name} : stops.txt, ligne ${line} : coordonnées de l'arrêt « ${id} » invalides`,
        );
      feedStops.set(id, { id: `${index}:${id}`, name: row.stop_name || id, lat, lon });
    }
    const stopOf = (id: string, where: string) => {
      const stop = feedStops.get(id);
      if (!stop) throw new GtfsError(`${feed.name} : ${where} : arrêt « ${id} » absent de stops.txt`);
      let at = stopIndex.get(stop.id);
      if (at === undefined) {
        at = stops.push(stop) - 1;
        stopIndex.set(stop.id, at);
      }
      return at;
    };

    const agencies = new Map<string, string>();
    if (feed.files.has('agency.txt'))
      for await (const { row } of rowsOf(feed, 'agency.txt'))
        agencies.set(row.agency_id ?? '', row.agency_name || row.agency_id || '');
    const routes = new Map<string, Omit<TransitLine, 'id'>>();
    for await (const { row } of rowsOf(feed, 'routes.txt'))
      routes.set(row.route_id ?? '', {
        name: row.route_short_name || row.route_long_name || row.route_id || '',
        mode: modeOf(Number(row.route_type)),
        agency: agencies.get(row.agency_id ?? '') ?? [...agencies.values()][0] ?? '',
      });
    const lineOf = (route: string) => {
      const id = `${index}:${route}`;
      let at = lineIndex.get(id);
      if (at === undefined) {
        const found = routes.get(route);
        if (!found)
          throw new GtfsError(`${feed.name} : trips.txt : ligne « ${route} » absente de routes.txt`);
        at = lines.push({ id, ...found }) - 1;
        lineIndex.set(id, at);
      }
      return at;
    };

    let kept = 0;
    for (const [id, list] of times) {
      list.sort((a, b) => a.sequence - b.sequence);
      const timed = interpolate(list, `${feed.name} : stop_times.txt, trajet « ${id} »`);
      const trip = state.trips.get(id) as { route: string };
      for (const offset of offsets.get(id) ?? []) {
        // The eve's trips matter only when they run after midnight.
        if (timed.length < 2 || (offset < 0 && (timed[timed.length - 1]?.[1] ?? 0) + offset < 0)) continue;
        const shifted = timed.map(([stop, arrival, departure]): [number, number, number] => [
          stopOf(stop, `stop_times.txt, trajet « ${id} »`),
          arrival + offset,
          departure + offset,
        ]);
        trips.push({
          id: `${index}:${id}${offset ? '@veille' : ''}`,
          line: lineOf(trip.route),
          times: shifted,
        });
        kept++;
      }
    }

    if (feed.files.has('transfers.txt'))
      for await (const { row } of rowsOf(feed, 'transfers.txt')) {
        const from = stopIndex.get(`${index}:${row.from_stop_id}`);
        const to = stopIndex.get(`${index}:${row.to_stop_id}`);
        if (from === undefined || to === undefined || row.transfer_type === '3') continue;
        const seconds = Number(row.min_transfer_time || 0);
        transfers.push({ from, to, seconds: Number.isFinite(seconds) ? seconds : 0 });
      }

    const range = dateRange(state.calendar);
    summaries.push({
      name: feed.name,
      agencies: [...new Set(agencies.values())],
      stops: stopRows,
      lines: routes.size,
      trips: state.trips.size,
      tripsKept: kept,
      firstDate: range?.first ?? '',
      lastDate: range?.last ?? '',
    });
  }
  return {
    network: withNearbyTransfers({ stops, lines, trips, transfers }),
    date,
    weekday: weekdayOf(date),
    feeds: summaries,
  };
}

/** Stop times with missing times (non-timepoints) filled in proportionally between the timed ones. */
function interpolate(
  list: { stop: string; arrival?: number; departure?: number }[],
  where: string,
): [string, number, number][] {
  const first = list[0];
  const last = list[list.length - 1];
  if (first?.departure === undefined || last?.arrival === undefined)
    throw new GtfsError(`${where} : le premier et le dernier arrêt doivent avoir une heure`);
  const out: [string, number, number][] = [];
  let previous = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as (typeof list)[number];
    if (item.arrival !== undefined && item.departure !== undefined) {
      if (
        item.arrival < (out[out.length - 1]?.[2] ?? Number.NEGATIVE_INFINITY) ||
        item.departure < item.arrival
      )
        throw new GtfsError(`${where} : les heures reculent à l'arrêt « ${item.stop} »`);
      out.push([item.stop, item.arrival, item.departure]);
      previous = i;
      continue;
    }
    const next = list.findIndex((candidate, j) => j > i && candidate.arrival !== undefined);
    const from = list[previous]?.departure as number;
    const to = list[next]?.arrival as number;
    const time = Math.round(from + ((to - from) * (i - previous)) / (next - previous));
    out.push([item.stop, time, time]);
  }
  return out;
}
