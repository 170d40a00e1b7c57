/**
 * SYNTHETIC demo timetable for the pilot territory: a few lines along the real corridors
 * (Pau–Orthez, Pau–Oloron, Pau–Lourdes–Tarbes by train, Mourenx–Lacq–Artix by regional
 * coach) with plausible frequencies (hourly, more at peak, first runs before the 06:00
 * shift) but invented times: it is not the TER timetable. Stops sit a few hundred metres
 * from each commune's point. Weekdays only, valid from a week ago for a year, so it
 * always covers today. `npm run seed` imports it; `writeDemoGtfs` writes the zip.
 */
import { communeLocation } from '../../shared/reference/coordinates';
import { weekdayCalendar, writeGtfsZip } from './gtfs-zip';

interface DemoLine {
  id: string;
  name: string;
  long: string;
  /** GTFS route_type: 2 train, 3 coach. */
  type: 2 | 3;
  /** Stop, its commune, minutes from the first stop (outward). */
  stops: [name: string, commune: string, minutes: number][];
  outward: string[];
  back: string[];
}

export const demoLines: DemoLine[] = [
  {
    id: 'ter-pau-orthez',
    name: 'TER',
    long: 'Pau – Orthez (SYNTHETIC)',
    type: 2,
    stops: [
      ['Pau gare', '64445', 0],
      ['Billère', '64129', 4],
      ['Lescar', '64335', 9],
      ['Denguin', '64198', 14],
      ['Artix gare', '64061', 21],
      ['Orthez', '64430', 33],
    ],
    outward:
      '05:40 06:40 07:10 07:40 08:40 10:40 12:10 13:10 14:40 16:10 17:10 17:40 18:40 19:40 21:10'.split(' '),
    back: '05:25 06:15 06:50 07:25 08:25 10:25 12:25 13:25 14:30 15:25 16:25 17:25 18:25 19:25 20:55 22:25'.split(
      ' ',
    ),
  },
  {
    id: 'ter-pau-oloron',
    name: 'TER',
    long: 'Pau – Oloron-Sainte-Marie (SYNTHETIC)',
    type: 2,
    stops: [
      ['Pau gare', '64445', 0],
      ['Gan', '64230', 9],
      ['Buzy', '64157', 22],
      ['Ogeu-les-Bains', '64421', 29],
      ['Oloron-Sainte-Marie', '64422', 38],
    ],
    outward: '06:05 07:05 08:35 11:35 12:35 14:35 16:35 17:35 18:35 20:05'.split(' '),
    back: '05:50 06:50 07:20 09:50 12:50 14:20 17:20 18:20 19:50'.split(' '),
  },
  {
    id: 'ter-pau-tarbes',
    name: 'TER',
    long: 'Pau – Lourdes – Tarbes (SYNTHETIC)',
    type: 2,
    stops: [
      ['Pau gare', '64445', 0],
      ['Coarraze-Nay', '64191', 13],
      ['Lourdes', '65286', 27],
      ['Ossun', '65344', 36],
      ['Tarbes', '65440', 45],
    ],
    outward: '05:55 06:55 07:25 08:25 09:55 11:55 12:55 14:25 16:25 17:25 18:25 19:25 21:25'.split(' '),
    back: '05:35 06:20 06:50 07:50 09:20 11:50 12:50 13:50 16:20 17:20 18:20 19:20 20:50 22:20'.split(' '),
  },
  {
    id: 'car-mourenx-lacq',
    name: 'TER',
    long: 'Car Mourenx – Lacq – Artix (SYNTHETIC)',
    type: 3,
    stops: [
      ['Mourenx', '64410', 0],
      ['Pardies', '64443', 8],
      ['Lacq', '64300', 19],
      ['Artix gare', '64061', 27],
    ],
    outward: '05:12 05:42 06:42 07:12 08:12 12:12 13:12 14:12 16:42 17:42 18:42'.split(' '),
    back: '05:50 06:20 07:20 09:20 12:50 13:59 14:29 16:20 17:20 18:20 19:20'.split(' '),
  },
];

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
const gtfsDate = (date: Date) => date.toISOString().slice(0, 10).replaceAll('-', '');

/** The demo feed's tables, valid from a week before `today` for a year. */
export function demoGtfsTables(today: Date) {
  const stopIds = new Map<string, [string, string, number, number]>();
  for (const line of demoLines)
    for (const [name, commune] of line.stops) {
      if (stopIds.has(name)) continue;
      const point = communeLocation(commune);
      if (!point) throw new Error(`demo GTFS: commune ${commune} has no point`);
      // A few hundred metres from the commune's point, as stations usually are.
      stopIds.set(name, [`S${commune}`, name, point.lat + 0.002, point.lon + 0.002]);
    }
  const trips: (string | number)[][] = [['route_id', 'service_id', 'trip_id', 'trip_headsign']];
  const stopTimes: (string | number)[][] = [
    ['trip_id', 'arrival_time', 'departure_time', 'stop_id', 'stop_sequence'],
  ];
  for (const line of demoLines)
    for (const [direction, starts] of [
      ['a', line.outward],
      ['r', line.back],
    ] as const) {
      const stops = direction === 'a' ? line.stops : [...line.stops].reverse();
      const last = line.stops[line.stops.length - 1]?.[2] ?? 0;
      for (const start of starts) {
        const id = `${line.id}-${direction}-${start.replace(':', '')}`;
        trips.push([line.id, 'SEMAINE', id, stops[stops.length - 1]?.[0] ?? '']);
        stops.forEach(([name, , minutes], i) => {
          const at = minutesOf(start) + (direction === 'a' ? minutes : last - minutes);
          stopTimes.push([id, timeOf(at), timeOf(at), stopIds.get(name)?.[0] ?? '', i + 1]);
        });
      }
    }
  const from = new Date(today.getTime() - 7 * 86_400_000);
  const to = new Date(today.getTime() + 365 * 86_400_000);
  return {
    'agency.txt': [
      ['agency_id', 'agency_name', 'agency_url', 'agency_timezone', 'agency_lang'],
      [
        'DEMO',
        'Réseau de démonstration (SYNTHETIC)',
        'https://example.org/bassin-demo',
        'Europe/Paris',
        'fr',
      ],
    ],
    'stops.txt': [['stop_id', 'stop_name', 'stop_lat', 'stop_lon'], ...stopIds.values()],
    'routes.txt': [
      ['route_id', 'agency_id', 'route_short_name', 'route_long_name', 'route_type'],
      ...demoLines.map((line) => [line.id, 'DEMO', line.name, line.long, line.type]),
    ],
    'trips.txt': trips,
    'stop_times.txt': stopTimes,
    'calendar.txt': weekdayCalendar('SEMAINE', gtfsDate(from), gtfsDate(to)),
    'feed_info.txt': [
      ['feed_publisher_name', 'feed_publisher_url', 'feed_lang', 'feed_version'],
      [
        'Bassin — données de démonstration SYNTHETIC, pas des horaires réels',
        'https://example.org/bassin-demo',
        'fr',
        'SYNTHETIC-1',
      ],
    ],
  };
}

export const writeDemoGtfs = (path: string, today = new Date()) => writeGtfsZip(path, demoGtfsTables(today));
