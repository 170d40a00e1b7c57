/**
 * `npm run bench:transit -- --communes 500 --trips 2000 --out bench/results/transit.json`
 *
 * A SYNTHETIC network over the N most populous located communes of the pilot's and
 * neighbouring départements: one stop near each commune's point, lines chaining
 * neighbouring communes (12 stops), trips spread over 05:00–22:00 both ways. Written as a
 * GTFS zip, then imported into an in-memory dynalite by the importer itself: reading
 * (unzip + CSV + representative day), computing (one profile scan per destination),
 * writing (BatchWrite of the commute items). Then the matcher's question — a shift's two
 * journeys for a pair — is timed on random pairs through the timetable travel time.
 */

import { writeFileSync } from 'node:fs';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { weekdayCalendar, writeGtfsZip } from '../infra/local/gtfs-zip';
import { prng } from '../infra/local/synthetic';
import { dynamoTimetableStore } from '../shared/adapters/dynamodb/timetable-store';
import { openGtfsZip } from '../shared/adapters/gtfs/zip-feed';
import { estimatorTravelTime } from '../shared/adapters/travel/estimator';
import { timetableTravelTime } from '../shared/adapters/travel/timetable';
import { distanceKm } from '../shared/domain/geo';
import { importTimetables } from '../shared/domain/transit/import';
import { systemClock } from '../shared/ports/runtime';
import { listCommunes } from '../shared/reference/communes';
import { communeLocation } from '../shared/reference/coordinates';
import { startLocalTable } from '../test/support/local-table';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]?.replace(/^--/, '') ?? '', process.argv[i + 1] ?? '');

const departements = ['64', '65', '40', '32', '31', '33', '47'];
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0;

export async function benchmark() {
  const communeCount = Number(args.get('communes') ?? 500);
  const tripCount = Number(args.get('trips') ?? 2000);
  const out = args.get('out');
  const random = prng(16);
  const places = listCommunes()
    .filter((c) => departements.includes(c.departement) && communeLocation(c.code))
    .sort((a, b) => b.population - a.population)
    .slice(0, communeCount)
    .map((c) => {
      const point = communeLocation(c.code) as { lat: number; lon: number };
      return { code: c.code, name: c.name, point: { lat: point.lat, lon: point.lon } };
    });

  // Lines: from a commune no line serves yet, on to one of the nearest (unserved first), so
  // that every commune gets a stop when there are enough lines.
  const lineCount = Math.max(1, Math.round(tripCount / 50));
  const stopsPerLine = Math.max(6, Math.ceil((places.length * 1.3) / lineCount));
  const unserved = new Set(places);
  const lines = Array.from({ length: lineCount }, () => {
    const pool = unserved.size ? [...unserved] : places;
    const chain = [pool[Math.floor(random() * pool.length)] as (typeof places)[number]];
    unserved.delete(chain[0] as (typeof places)[number]);
    while (chain.length < Math.min(stopsPerLine, places.length)) {
      const last = chain[chain.length - 1] as (typeof places)[number];
      const nearest = places
        .filter((p) => !chain.includes(p))
        .sort((a, b) => distanceKm(last.point, a.point) - distanceKm(last.point, b.point))
        .slice(0, 4);
      const next = nearest.find((p) => unserved.has(p)) ?? nearest[Math.floor(random() * nearest.length)];
      if (!next) break;
      chain.push(next);
      unserved.delete(next);
    }
    return chain;
  });
  const trips: (string | number)[][] = [['route_id', 'service_id', 'trip_id']];
  const stopTimes: (string | number)[][] = [
    ['trip_id', 'arrival_time', 'departure_time', 'stop_id', 'stop_sequence'],
  ];
  const time = (seconds: number) =>
    `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:00`;
  for (let t = 0; t < tripCount; t++) {
    const line = t % lineCount;
    const chain = t % 2 === 0 ? (lines[line] ?? []) : [...(lines[line] ?? [])].reverse();
    let at = Math.round((5 + random() * 17) * 60) * 60;
    trips.push([`L${line}`, 'WK', `T${t}`]);
    chain.forEach((place, i) => {
      if (i > 0)
        at += Math.ceil((distanceKm((chain[i - 1] as typeof place).point, place.point) / 40) * 60 + 1) * 60;
      stopTimes.push([`T${t}`, time(at), time(at), `S${place.code}`, i + 1]);
    });
  }
  const used = new Set(lines.flat().map((p) => p.code));
  const dir = await mkdtemp(join(tmpdir(), 'bench-transit-'));
  const zip = await writeGtfsZip(join(dir, 'synthetic.zip'), {
    'agency.txt': [
      ['agency_id', 'agency_name', 'agency_url', 'agency_timezone'],
      ['B', 'Bench (SYNTHETIC)', 'https://example.org', 'Europe/Paris'],
    ],
    'stops.txt': [
      ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'],
      ...places
        .filter((p) => used.has(p.code))
        .map((p) => [`S${p.code}`, p.name, p.point.lat + 0.002, p.point.lon + 0.002]),
    ],
    'routes.txt': [
      ['route_id', 'agency_id', 'route_short_name', 'route_type'],
      ...lines.map((_, i) => [`L${i}`, 'B', `Ligne ${i + 1}`, 3]),
    ],
    'trips.txt': trips,
    'stop_times.txt': stopTimes,
    'calendar.txt': weekdayCalendar('WK', '20260105', '20261218'),
  });

  const local = await startLocalTable();
  try {
    const store = dynamoTimetableStore(local.table, systemClock);
    const feed = await openGtfsZip(zip);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const report = await importTimetables({ store, clock: systemClock }, [feed], { places });
    const totalMs = Math.round(performance.now() - started);
    feed.close();
    const { summary } = report;
    const items = [];
    const travel = timetableTravelTime({ store, fallback: estimatorTravelTime(), clock: systemClock });
    const served = summary.communes;
    const latencies: number[] = [];
    let feasible = 0;
    for (let i = 0; i < 300; i++) {
      const from = places.find((p) => p.code === served[Math.floor(random() * served.length)]);
      const to = places.find((p) => p.code === served[Math.floor(random() * served.length)]);
      if (!from || !to || from === to) continue;
      const began = performance.now();
      const answer = await travel.shift({
        from: from.point,
        to: to.point,
        fromCommune: from.code,
        toCommune: to.code,
        mode: 'transit',
        imprecise: true,
        start: 8 * 60,
        end: 17 * 60,
      });
      latencies.push(performance.now() - began);
      if (answer.trips) feasible++;
      items.push(answer);
    }
    const result = {
      synthetic: true,
      communes: places.length,
      tripsInFeed: tripCount,
      zipBytes: (await stat(zip)).size,
      network: {
        stops: summary.stops,
        lines: summary.lines,
        trips: summary.trips,
        connections: summary.connections,
      },
      communesServed: served.length,
      commuteItems: summary.pairs,
      importMs: { total: totalMs, ...report.timings },
      computeMsPerDestination:
        Math.round((report.timings.computeMs / Math.max(1, served.length)) * 100) / 100,
      rssGrowthMb: Math.round((process.memoryUsage().rss - rssBefore) / 1e6),
      shiftQuery: {
        pairs: latencies.length,
        withTimetableJourneys: feasible,
        msMedian: Math.round(percentile(latencies, 50) * 100) / 100,
        msP95: Math.round(percentile(latencies, 95) * 100) / 100,
      },
      machine: '2 cores, shared; in-memory dynalite',
      measuredAt: new Date().toISOString(),
    };
    console.log(JSON.stringify(result, null, 2));
    if (out) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } finally {
    await local.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchmark();
