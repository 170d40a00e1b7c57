/**
 * `npm run bench:offers -- --seekers 100000 --vacancies 200 --out bench/results/offers.json`
 *
 * SYNTHETIC seekers and vacancies (the generator of bench:match), every true match found by
 * brute force (the matcher's own evaluation), the matches above the notify threshold loaded
 * as queued offers into an in-memory dynalite with the seekers and vacancies, then the wave
 * job run as it runs in production: a first round (every vacancy's first wave, the
 * employers' daily caps spent by fit), then, every offer of it declined, a second round the
 * next day (second waves, and first waves the caps held back). Measured: SMS per vacancy, the mean score
 * of what was released against the mean of all matches above the threshold, how many of the
 * released offers are in their vacancy's top decile, and the queue items read per round.
 * The row "before" replays the previous policy on the same matches in memory: every match
 * above the threshold offered in stream order, up to the employer's daily cap of 200.
 */
import { writeFileSync } from 'node:fs';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { commandLine } from '../infra/cli';
import { prng, syntheticSeeker, syntheticVacancy } from '../infra/local/synthetic';
import { deviceRegistry } from '../shared/adapters/device-registry';
import { seekerKeys } from '../shared/adapters/dynamodb/keys/seeker-keys';
import { openVacancyLevel, vacancyKeys } from '../shared/adapters/dynamodb/keys/vacancy-keys';
import { dynamoMatchStore } from '../shared/adapters/dynamodb/match-store';
import { dynamoOfferStore, offerItem } from '../shared/adapters/dynamodb/offer-store';
import { dynamoSeekerStore } from '../shared/adapters/dynamodb/seeker-store';
import { dynamoVacancyStore } from '../shared/adapters/dynamodb/vacancy-store';
import { dynamoWaveStore } from '../shared/adapters/dynamodb/wave-store';
import { offerLinks } from '../shared/adapters/offer-links';
import { estimatorTravelTime } from '../shared/adapters/travel/estimator';
import { forEachInParallel } from '../shared/domain/concurrency';
import { cellOf } from '../shared/domain/geo';
import { locateHome, locateSite } from '../shared/domain/locate';
import { evaluateMatch } from '../shared/domain/matching/evaluate';
import type { OfferDeps } from '../shared/domain/notifications/offer-deps';
import { offerAnswered, releaseWaves } from '../shared/domain/notifications/waves';
import { defaultWaveSettings } from '../shared/domain/notifications/waves-settings';
import type { Offer } from '../shared/domain/offer';
import type { SeekerProfile } from '../shared/domain/seeker';
import type { Vacancy } from '../shared/domain/vacancy';
import { startLocalTable } from '../test/support/local-table';

const cli = commandLine({
  command: 'npm run bench:offers --',
  summary:
    'Loads SYNTHETIC seekers, vacancies and their matches above the notify threshold as queued\n' +
    'offers into an in-memory dynalite, runs two wave rounds and measures who gets the SMS.',
  options: {
    seekers: { type: 'string', value: 'N', default: '100000', description: 'Seekers to generate.' },
    vacancies: { type: 'string', value: 'N', default: '200', description: 'Vacancies to post.' },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'Write the results as JSON, e.g. bench/results/offers.json.',
    },
  },
  examples: ['npm run bench:offers -- --seekers 100000 --vacancies 200 --out bench/results/offers.json'],
});
const seekerCount = cli.integer('seekers', 1, 10_000_000);
const vacancyCount = cli.integer('vacancies', 1, 100_000);
const out = cli.values.out;
const notifyThreshold = 60;
const employerDailyCap = 200;
/** 20 employers: each has several vacancies in a round, so their cap is spent across them. */
const employers = 20;

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
const round1 = (n: number) => Math.round(n * 10) / 10;
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
};

async function load(
  doc: Awaited<ReturnType<typeof startLocalTable>>['table']['doc'],
  tableName: string,
  items: object[],
) {
  const batches = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) =>
    items.slice(i * 25, i * 25 + 25),
  );
  const worker = async () => {
    for (let batch = batches.pop(); batch; batch = batches.pop()) {
      let requests = batch.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length) {
        const result = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
        requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function main() {
  const local = await startLocalTable();
  const { doc, tableName } = local.table;
  const next = prng(2026);
  const at = '2026-12-01T12:00:00.000Z';
  // 13:00 in Pau: no one's quiet hours (the defaults, 20:00–08:00); the second wave a day later.
  let now = new Date(at);

  const seekers = Array.from({ length: seekerCount }, (_, i): SeekerProfile => {
    const seeker = syntheticSeeker(next, `s${i}`);
    return {
      ...seeker,
      contact: { channel: 'sms', phone: `+336${String(10_000_000 + i).padStart(8, '0')}` },
    };
  });
  const vacancies = Array.from({ length: vacancyCount }, (_, i) =>
    syntheticVacancy(next, `v${i}`, `employer-${i % employers}`),
  );

  // Brute force: every true match, with the matcher's score and commute.
  const travel = estimatorTravelTime();
  const started = Date.now();
  const offersOf = new Map<string, Offer[]>();
  let allMatches = 0;
  for (const [i, vacancy] of vacancies.entries()) {
    const site = locateSite(vacancy.site);
    const offers: Offer[] = [];
    for (const seeker of seekers) {
      if (!seeker.sectors.includes(vacancy.sector)) continue;
      const result = await evaluateMatch({ vacancy, site, seeker, home: locateHome(seeker.home) }, travel);
      if (!result.fits || !result.commute) continue;
      allMatches++;
      if ((result.score ?? 0) < notifyThreshold) continue;
      offers.push(queuedOffer(vacancy, seeker, result.score ?? 0, result.commute));
    }
    offersOf.set(vacancy.id, offers);
    if (i % 20 === 19) process.stderr.write(`matched ${i + 1}/${vacancies.length} vacancies\n`);
  }
  const matchSeconds = (Date.now() - started) / 1000;
  const queued = [...offersOf.values()].flat();

  const loadStarted = Date.now();
  const withOffers = new Set(queued.map((o) => o.seekerId));
  await load(doc, tableName, [
    ...seekers
      .filter((s) => withOffers.has(s.id))
      .map((s) => ({ ...seekerKeys.profile(s.id), entity: seekerKeys.entity, ...s })),
    ...vacancies.map((v) => ({
      ...vacancyKeys.primary(v.id),
      ...vacancyKeys.open(v, cellOf(locateSite(v.site).point, openVacancyLevel)),
      entity: vacancyKeys.entity,
      ...v,
    })),
    ...queued.map(offerItem),
  ]);
  const deps: OfferDeps = {
    offers: dynamoOfferStore(local.table),
    waves: dynamoWaveStore(local.table),
    matches: dynamoMatchStore(local.table),
    seekers: dynamoSeekerStore(local.table),
    vacancies: dynamoVacancyStore(local.table),
    devices: deviceRegistry(local.table, undefined),
    publisher: { publish: async () => undefined },
    sender: { sms: async () => undefined, push: async () => undefined },
    links: offerLinks('https://bassin.example', 'bench'),
    clock: { now: () => now },
    config: { notifyThreshold, employerDailyCap, unsubscribeSecret: 'bench', waves: defaultWaveSettings },
  };
  // Each vacancy's schedule, as the offers consumer leaves it once its candidates are in.
  for (const vacancy of vacancies)
    await deps.waves.save(
      {
        vacancyId: vacancy.id,
        employerId: vacancy.owner,
        released: 0,
        dueAt: at,
        answered: [],
        history: [],
        createdAt: at,
        version: 1,
      },
      0,
    );
  const loadSeconds = (Date.now() - loadStarted) / 1000;

  const waves = [];
  for (const round of [1, 2]) {
    const t0 = Date.now();
    const result = await releaseWaves(deps, now, vacancyCount);
    const seconds = (Date.now() - t0) / 1000;
    // Read back only where a round can reach: each vacancy's best (round + 1) × size candidates.
    const reachable = vacancies.flatMap((v) =>
      [...(offersOf.get(v.id) ?? [])]
        .sort((a, b) => b.score - a.score || a.commute.minutes - b.commute.minutes)
        .slice(0, (round + 1) * defaultWaveSettings.factor * v.openings),
    );
    const read: (Offer | undefined)[] = [];
    await forEachInParallel(reachable, 8, async (o) => read.push(await deps.offers.get(o.id)));
    const released = read.filter((o): o is Offer => !!o && o.releasedAt === now.toISOString());
    waves.push({ round, ...result, seconds, released });
    // Everyone in this wave declines (the next wave is due at once), and the next day comes:
    // the employers' and seekers' daily caps start again.
    for (const offer of released) await offerAnswered(deps, offer, false);
    now = new Date(now.getTime() + 86_400_000);
  }
  await local.stop();

  // What each vacancy released in the first round against all its matches above the threshold.
  const first = waves[0]?.released ?? [];
  const perVacancy = vacancies.map((v) => {
    const all = (offersOf.get(v.id) ?? []).map((o) => o.score).sort((a, b) => b - a);
    const mine = first.filter((o) => o.vacancyId === v.id);
    const decile = all[Math.max(0, Math.ceil(all.length / 10) - 1)] ?? 0;
    return {
      sms: mine.filter((o) => o.status === 'pending').length,
      released: mine.length,
      inTopDecile: mine.filter((o) => o.score >= decile).length,
      size: defaultWaveSettings.factor * v.openings,
      candidates: all.length,
    };
  });

  // The previous policy on the same matches: stream order, every match an offer up to the employer's cap.
  const shuffled = prng(7);
  const spent = new Map<string, number>();
  const before = vacancies.map((v) => {
    const order = [...(offersOf.get(v.id) ?? [])].sort(() => shuffled() - 0.5);
    const left = employerDailyCap - (spent.get(v.owner) ?? 0);
    const sent = order.slice(0, Math.max(0, left));
    spent.set(v.owner, (spent.get(v.owner) ?? 0) + sent.length);
    return sent;
  });

  const allScores = queued.map((o) => o.score);
  const results = {
    synthetic: true,
    seekers: seekerCount,
    vacancies: vacancyCount,
    matches: allMatches,
    aboveThreshold: queued.length,
    matchSeconds: round1(matchSeconds),
    loadSeconds: round1(loadSeconds),
    meanScoreAboveThreshold: round1(mean(allScores)),
    rounds: waves.map((w) => ({
      round: w.round,
      waves: w.waves,
      released: w.released.length,
      sms: w.released.filter((o) => o.status === 'pending').length,
      digest: w.released.filter((o) => o.status === 'digest').length,
      meanScoreReleased: round1(mean(w.released.map((o) => o.score))),
      itemsRead: w.itemsRead,
      itemsReadPerVacancy: round1(w.itemsRead / Math.max(1, w.waves)),
      seconds: round1(w.seconds),
    })),
    firstRound: {
      smsPerVacancy: stats(perVacancy.map((v) => v.sms)),
      releasedPerVacancy: stats(perVacancy.map((v) => v.released)),
      shareInTopDecile: round1(
        (100 * perVacancy.reduce((a, v) => a + v.inTopDecile, 0)) /
          Math.max(
            1,
            perVacancy.reduce((a, v) => a + v.released, 0),
          ),
      ),
      vacanciesWithFewerCandidatesThanAWave: perVacancy.filter((v) => v.candidates < v.size).length,
    },
    before: {
      smsPerVacancy: stats(before.map((b) => b.length)),
      meanScoreSent: round1(mean(before.flat().map((o) => o.score))),
    },
  };
  console.log(JSON.stringify(results, null, 2));
  if (out) writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

function queuedOffer(
  vacancy: Vacancy,
  seeker: SeekerProfile,
  score: number,
  commute: { mode: Offer['commute']['mode']; minutes: number },
): Offer {
  const at = '2026-12-01T11:00:00.000Z';
  return {
    id: `${vacancy.id}-${seeker.id}`,
    vacancyId: vacancy.id,
    seekerId: seeker.id,
    channel: 'sms',
    status: 'queued',
    score,
    vacancy: {
      title: vacancy.title,
      sector: vacancy.sector,
      occupation: vacancy.occupation,
      commune: { code: vacancy.site.commune, name: vacancy.site.commune },
      epci: 'none',
    },
    commute: { mode: commute.mode, minutes: Math.round(commute.minutes) },
    createdAt: at,
    updatedAt: at,
  };
}

export const benchmark = main;
if (import.meta.url === `file://${process.argv[1]}`) await main();
