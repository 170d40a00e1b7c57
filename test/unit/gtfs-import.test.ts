import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipGtfsFolder } from '../../infra/local/gtfs-zip';
import { openGtfsZip } from '../../shared/adapters/gtfs/zip-feed';
import { journeysTo, servedPlaces } from '../../shared/domain/transit/commutes';
import { GtfsError, networkFromGtfs } from '../../shared/domain/transit/gtfs';
import { clock, earliestLeavingFrom, latestArrivingBy } from '../../shared/domain/transit/journeys';
import { prepare } from '../../shared/domain/transit/profile';

const fixture = 'test/fixtures/gtfs/small';
let dir: string;
let zip: string;

const load = async (path: string, date?: string) => {
  const feed = await openGtfsZip(path);
  try {
    return await networkFromGtfs([feed], { date });
  } finally {
    feed.close();
  }
};
const places = [
  { code: '64410', point: { lat: 43.3703, lon: -0.62986 } }, // Mourenx
  { code: '64300', point: { lat: 43.41289, lon: -0.61883 } }, // Lacq
  { code: '64445', point: { lat: 43.31117, lon: -0.35583 } }, // Pau
  { code: '64430', point: { lat: 43.48834, lon: -0.77266 } }, // Orthez
  { code: '65440', point: { lat: 43.23407, lon: 0.07139 } }, // Tarbes: no stop near
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bassin-gtfs-'));
  zip = await zipGtfsFolder(fixture, join(dir, 'small.zip'));
});

describe('GTFS import', () => {
  it('keeps the busiest mid-week day and reports what it read', async () => {
    const imported = await load(zip);
    // 20 January has the weekday service removed: the first Tuesday with full service wins.
    expect(imported.date).toBe('20260106');
    expect(imported.weekday).toBe(1);
    expect(imported.feeds).toEqual([
      expect.objectContaining({
        name: 'small.zip',
        agencies: ["Réseau d'essai (SYNTHETIC)"],
        stops: 7,
        lines: 2,
        trips: 8,
        firstDate: '20260105',
        lastDate: '20260227',
      }),
    ]);
    // The stop without service is left out; the holiday trip does not run that day.
    expect(imported.network.stops.map((s) => s.name)).not.toContain('Arrêt sans service');
    expect(imported.network.trips.map((t) => t.id)).not.toContain('0:ter-holiday');
    expect(imported.network.lines.map((l) => [l.name, l.mode])).toEqual([
      ['Navette', 'bus'],
      ['TER', 'rail'],
    ]);
  });

  it('applies calendar exceptions of the day asked for', async () => {
    const imported = await load(zip, '20260120');
    // Only the added holiday trip runs that day; Monday's late train still ends after midnight.
    expect(imported.network.trips.map((t) => t.id).sort()).toEqual(['0:ter-2340@veille', '0:ter-holiday']);
  });

  it('keeps a trip after midnight on its day, and the eve’s in the early hours', async () => {
    const { network } = await load(zip);
    const late = network.trips.find((t) => t.id === '0:ter-2340');
    expect(late?.times.map(([, arrival]) => clock(arrival))).toEqual(['23:40', '23:58', '00:25']);
    expect(late?.times[2]?.[1]).toBe(24 * 3600 + 25 * 60);
    const eve = network.trips.find((t) => t.id === '0:ter-2340@veille');
    expect(eve?.times[2]?.[1]).toBe(25 * 60);
  });

  it('fills in stop times left empty between two timed stops', async () => {
    const { network } = await load(zip);
    const trip = network.trips.find((t) => t.id === '0:nav-0545');
    expect(trip?.times.map(([, arrival]) => clock(arrival))).toEqual(['05:45', '06:00', '06:15']);
  });

  it('finds door-to-door journeys with a transfer, and the way back', async () => {
    const { network } = await load(zip);
    const prepared = prepare(network);
    const served = servedPlaces(network, places);
    expect([...served.keys()].sort()).toEqual(['64300', '64410', '64430', '64445']);
    const toLacq = journeysTo(prepared, served, '64300');
    const fromMourenx = toLacq.get('64410') ?? [];
    const early = latestArrivingBy(fromMourenx, 6 * 3600);
    expect(early?.legs.map((l) => [l.line, l.from, clock(l.departure), l.to, clock(l.arrival)])).toEqual([
      ['Navette', 'Mourenx', '05:12', 'Lacq', '05:31'],
    ]);
    // From Pau: TER to Artix, four minutes' walk to the shuttle, shuttle to Lacq.
    const fromPau = earliestLeavingFrom(toLacq.get('64445') ?? [], 0);
    expect(fromPau?.legs.map((l) => [l.line, l.from, clock(l.departure), l.to, clock(l.arrival)])).toEqual([
      ['TER', 'Pau', '05:20', 'Artix', '05:38'],
      ['Navette', 'Artix gare (navette)', '05:45', 'Lacq', '06:00'],
    ]);
    const home = journeysTo(prepared, served, '64410').get('64300') ?? [];
    expect(clock(earliestLeavingFrom(home, 14 * 3600)?.legs[0]?.departure ?? 0)).toBe('14:07');
    // Nothing leaves Lacq for Mourenx after 18:30.
    expect(earliestLeavingFrom(home, 22 * 3600)).toBeUndefined();
  });

  describe('a broken feed is refused with a message naming the file', () => {
    const broken = async (replace: Record<string, string>, name = 'broken.zip') =>
      zipGtfsFolder(fixture, join(dir, name), replace);
    const refusal = async (path: string) => {
      const error = await load(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GtfsError);
      return (error as Error).message;
    };

    it('not a zip', async () => {
      const path = join(dir, 'not-a-zip.zip');
      await writeFile(path, 'stop_id,stop_name\n');
      expect(await refusal(path)).toMatch(/not-a-zip\.zip : ce n'est pas une archive zip lisible/);
    });

    it('a required file missing', async () => {
      const path = await zipGtfsFolder(fixture, join(dir, 'no-trips.zip'), {});
      const feed = await openGtfsZip(path);
      const files = new Set([...feed.files].filter((f) => f !== 'trips.txt'));
      const error = await networkFromGtfs([{ ...feed, files }]).catch((e: unknown) => e);
      feed.close();
      expect((error as Error).message).toBe('no-trips.zip : le fichier trips.txt manque');
    });

    it('a column missing', async () => {
      const path = await broken({ 'stops.txt': 'stop_id,stop_name,stop_lat\nMOU,Mourenx,43.37\n' });
      expect(await refusal(path)).toBe("broken.zip : stops.txt n'a pas la colonne stop_lon");
    });

    it('a time that is not a time', async () => {
      const path = await broken(
        {
          'stop_times.txt':
            'trip_id,arrival_time,departure_time,stop_id,stop_sequence\nnav-0512,05:12:00,05:12:00,MOU,1\nnav-0512,5h31,5h31,LAC,2\n',
        },
        'bad-time.zip',
      );
      expect(await refusal(path)).toBe(
        'bad-time.zip : stop_times.txt, ligne 3 : heure « 5h31 » invalide (attendu HH:MM:SS)',
      );
    });

    it('a trip that stops nowhere known', async () => {
      const path = await broken(
        {
          'stop_times.txt':
            'trip_id,arrival_time,departure_time,stop_id,stop_sequence\nnav-0512,05:12:00,05:12:00,MOU,1\nnav-0512,05:31:00,05:31:00,NOWHERE,2\n',
        },
        'bad-stop.zip',
      );
      expect(await refusal(path)).toMatch(/arrêt « NOWHERE » absent de stops\.txt/);
    });
  });
});
