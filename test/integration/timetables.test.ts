import { createReadStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipGtfsFolder } from '../../infra/local/gtfs-zip';
import { dynamoTimetableStore } from '../../shared/adapters/dynamodb/timetable-store';
import { openGtfsZip } from '../../shared/adapters/gtfs/zip-feed';
import { estimatorTravelTime } from '../../shared/adapters/travel/estimator';
import { timetableTravelTime } from '../../shared/adapters/travel/timetable';
import { importTimetables } from '../../shared/domain/transit/import';
import { viewOfTrips } from '../../shared/domain/transit/trip-view';
import { noticeText } from '../../shared/messages/notices';
import { tripsText } from '../../shared/messages/reasons';
import { startLocalTable } from '../support/local-table';

let local: Awaited<ReturnType<typeof startLocalTable>>;
let zip: string;
let now = new Date('2026-01-10T03:00:00Z');
const clock = { now: () => now };
const store = () => dynamoTimetableStore(local.table, clock);
const places = [
  { code: '64410', point: { lat: 43.3703, lon: -0.62986 } }, // Mourenx
  { code: '64300', point: { lat: 43.41289, lon: -0.61883 } }, // Lacq
  { code: '64445', point: { lat: 43.31117, lon: -0.35583 } }, // Pau
  { code: '64430', point: { lat: 43.48834, lon: -0.77266 } }, // Orthez
];
const load = async (date?: string) => {
  const feed = await openGtfsZip(zip);
  try {
    return await importTimetables({ store: store(), clock }, [feed], { date, places });
  } finally {
    feed.close();
  }
};
const mourenx = { commune: '64410', point: places[0]?.point as { lat: number; lon: number } };
const lacq = { commune: '64300', point: places[1]?.point as { lat: number; lon: number } };
const between = (from: typeof mourenx, to: typeof mourenx) => ({
  from: from.point,
  to: to.point,
  fromCommune: from.commune,
  toCommune: to.commune,
  imprecise: true,
});

beforeAll(async () => {
  local = await startLocalTable();
  zip = await zipGtfsFolder(
    'test/fixtures/gtfs/small',
    join(await mkdtemp(join(tmpdir(), 'tt-')), 'small.zip'),
  );
});
afterAll(() => local.stop());

describe('timetables in the table', () => {
  let version: string;

  it('writes one commute item per connected pair under the route-cache keys, then the summary', async () => {
    const { summary } = await load();
    version = summary.version;
    expect(summary).toMatchObject({
      date: '20260106',
      weekday: 1,
      lines: 2,
      communes: ['64300', '64410', '64430', '64445'],
    });
    expect(summary.pairs).toBeGreaterThan(4);
    expect(await store().current()).toEqual(summary);
    const { Item } = await local.table.doc.send(
      new GetCommand({
        TableName: local.table.tableName,
        Key: { PK: 'ROUTE#64410#64300', SK: `transit#tt#${version}` },
      }),
    );
    expect(Item?.entity).toBe('TimetableCommute');
    expect(Item?.expiresAt).toBeGreaterThan(now.getTime() / 1000 + 365 * 86_400);
    const network = await store().network(version);
    expect(network?.trips.length).toBe(summary.trips);
  });

  it('answers a shift from the timetable: there by the start, back after the end, trips named', async () => {
    const travel = timetableTravelTime({ store: store(), fallback: estimatorTravelTime(), clock });
    const morning = await travel.shift({ ...between(mourenx, lacq), mode: 'transit', start: 360, end: 840 });
    expect(morning.outbound).toMatchObject({ method: 'timetable', minutes: 50 });
    expect(morning.back.minutes).toBeGreaterThan(26);
    expect(morning.back.minutes).toBeLessThan(35);
    expect(morning.trips && tripsText(viewOfTrips(morning.trips), 'fr')).toBe(
      'Navette 05:12 Mourenx → Lacq, arrivée 05:31 ; retour 14:07',
    );
    // A night shift starting at 22:00: the last bus there arrives at 05:31 in the morning.
    const night = await travel.shift({ ...between(mourenx, lacq), mode: 'transit', start: 1320, end: 1800 });
    expect(night.outbound.minutes).toBeGreaterThan(900);
    // A start before the first bus arrives: no way there.
    const early = await travel.shift({ ...between(mourenx, lacq), mode: 'transit', start: 300, end: 780 });
    expect(early.outbound).toMatchObject({ minutes: null, method: 'timetable' });
    expect(early.outbound.warnings).toContainEqual({
      code: 'commute.timetableNoArrival',
      params: { minutes: 300 },
    });
    expect(early.trips).toBeUndefined();
  });

  it('leaves other modes and communes without a stop to the estimator, and says so', async () => {
    const travel = timetableTravelTime({ store: store(), fallback: estimatorTravelTime(), clock });
    const byCar = await travel.estimate({ ...between(mourenx, lacq), mode: 'car', hour: 8 });
    expect(byCar.method).toBe('estimate');
    const tarbes = { commune: '65440', point: { lat: 43.23407, lon: 0.07139 } };
    const far = await travel.estimate({ ...between(tarbes, lacq), mode: 'transit', hour: 8 });
    expect(far.method).toBe('estimate');
    expect(far.warnings.at(-1)).toEqual({ code: 'commute.timetableNoStop', params: { km: 1.5 } });
    expect(noticeText('commute.timetableNoStop', 'fr', { km: 1.5 })).toBe(
      'Aucun arrêt à moins de 1,5 km à pied dans les horaires chargés : temps estimé.',
    );
  });

  it('answers an hour from the first departure within it, with the journey', async () => {
    const travel = timetableTravelTime({ store: store(), fallback: estimatorTravelTime(), clock });
    const five = await travel.estimate({ ...between(mourenx, lacq), mode: 'transit', hour: 5 });
    expect(five.method).toBe('timetable');
    expect(five.journey?.legs[0]).toMatchObject({ line: 'Navette', departure: '05:12', arrival: '05:31' });
    const three = await travel.estimate({ ...between(mourenx, lacq), mode: 'transit', hour: 3 });
    expect(three.minutes).toBeNull();
  });

  it('switches to a new import in one write; the old items stay but are not read', async () => {
    now = new Date('2026-01-11T03:00:00Z');
    const { summary } = await load('20260120');
    expect(summary.version).not.toBe(version);
    const travel = timetableTravelTime({ store: store(), fallback: estimatorTravelTime(), clock });
    const morning = await travel.shift({ ...between(mourenx, lacq), mode: 'transit', start: 360, end: 840 });
    expect(morning.outbound.minutes).toBeNull();
    expect(await store().journeys(version, '64410', '64300')).toBeDefined();
  });
});

describe('scheduled import from S3 (the function itself)', () => {
  const s3 = mockClient(S3Client);
  afterAll(() => s3.restore());
  const run = async () => {
    Object.assign(process.env, {
      TABLE_NAME: local.table.tableName,
      AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
      AWS_REGION: 'eu-west-3',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      TIMETABLES_BUCKET: 'gtfs-bucket',
      TIMETABLES_PREFIX: 'reseaux/',
    });
    const { handler } = await import('../../functions/schedule/import-timetables');
    return handler({}, { functionName: 'importTimetables', awsRequestId: 'test' } as never);
  };

  it('imports the zips under the prefix, then only when they change', async () => {
    let etag = '"v1"';
    s3.on(ListObjectsV2Command, { Bucket: 'gtfs-bucket', Prefix: 'reseaux/' }).callsFake(() => ({
      Contents: [
        { Key: 'reseaux/lisez-moi.txt', ETag: '"x"' },
        { Key: 'reseaux/navette.zip', ETag: etag },
      ],
    }));
    s3.on(GetObjectCommand, { Bucket: 'gtfs-bucket', Key: 'reseaux/navette.zip' }).callsFake(() => ({
      Body: createReadStream(zip) as never,
    }));
    expect(await run()).toEqual({ imported: true });
    expect((await store().current())?.sources).toEqual(['reseaux/navette.zip@"v1"']);
    expect(await run()).toEqual({ imported: false });
    etag = '"v2"';
    expect(await run()).toEqual({ imported: true });
    expect((await store().current())?.sources).toEqual(['reseaux/navette.zip@"v2"']);
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(2);
  });
});
