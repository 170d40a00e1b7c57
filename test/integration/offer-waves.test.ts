import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deviceRegistry } from '../../shared/adapters/device-registry';
import { dynamoMatchStore } from '../../shared/adapters/dynamodb/match-store';
import { dynamoOfferStore } from '../../shared/adapters/dynamodb/offer-store';
import { dynamoSeekerStore } from '../../shared/adapters/dynamodb/seeker-store';
import { dynamoVacancyStore } from '../../shared/adapters/dynamodb/vacancy-store';
import { dynamoWaveStore } from '../../shared/adapters/dynamodb/wave-store';
import { offerLinks } from '../../shared/adapters/offer-links';
import type { Match } from '../../shared/domain/match';
import { offeredThisWeek } from '../../shared/domain/notifications/offer-deps';
import {
  deliverOffer,
  type OfferDeps,
  onMatchChanged,
  releaseDueOffers,
} from '../../shared/domain/notifications/offers';
import { releaseWaves } from '../../shared/domain/notifications/waves';
import type { Offer } from '../../shared/domain/offer';
import type { SeekerProfile } from '../../shared/domain/seeker';
import { startLocalTable } from '../support/local-table';
import { storedSeeker, storedVacancy } from '../support/samples';

// One table for the file: each test uses its own vacancies, seekers and employer.
let local: Awaited<ReturnType<typeof startLocalTable>>;
beforeAll(async () => {
  local = await startLocalTable();
});
afterAll(() => local.stop());

/** 13:00 in Pau (UTC+1 in winter). */
let now: Date;
const sent: { to: string; text: string; ref: string }[] = [];
let deps: OfferDeps;
let run = 0;

beforeEach(() => {
  now = new Date('2026-12-01T12:00:00Z');
  sent.length = 0;
  run++;
  const table = local.table;
  deps = {
    offers: dynamoOfferStore(table),
    waves: dynamoWaveStore(table),
    matches: dynamoMatchStore(table),
    seekers: dynamoSeekerStore(table),
    vacancies: dynamoVacancyStore(table),
    devices: deviceRegistry(table, undefined),
    publisher: { publish: async () => undefined },
    sender: {
      sms: async (to, text, ref) => void sent.push({ to, text, ref }),
      push: async () => undefined,
    },
    clock: { now: () => now },
    links: offerLinks('https://bassin.example', 'test-secret'),
    config: {
      notifyThreshold: 50,
      unsubscribeSecret: 'test-secret',
      employerDailyCap: 200,
      waves: { factor: 10, collectionMinutes: 10, nextWaveHours: 48 },
    },
  };
});

const afterWindow = () => new Date(now.getTime() + 11 * 60_000);

async function seeker(name: string, notifications: SeekerProfile['notifications'] = {}) {
  const id = `${name}-${run}`;
  const { shifts: _shifts, ...base } = storedSeeker({ id });
  await deps.seekers.create({
    ...base,
    contact: { channel: 'sms', phone: `+336${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}` },
    notifications: { quietHours: { start: '22:00', end: '07:00' }, ...notifications },
  });
  return id;
}

async function vacancy(name: string, openings = 2) {
  const id = `${name}-${run}`;
  const draft = {
    title: `Poste ${name}`,
    sector: 'aeronautics',
    occupation: 'H2913',
    skills: ['soudage TIG'],
    site: { commune: '64335' },
    contract: 'CDI',
    openings,
  };
  await deps.vacancies.create(storedVacancy({ id, owner: `employer-${run}` }, draft));
  return id;
}

function matchOf(
  vacancyId: string,
  seekerId: string,
  score: number,
  minutes = 20,
  title = `Poste ${vacancyId}`,
): Match {
  const at = now.toISOString();
  return {
    id: `m-${vacancyId}-${seekerId}`.replace(/[^\w-]/g, '').slice(0, 64),
    vacancyId,
    seekerId,
    employerId: `employer-${run}`,
    status: 'active',
    response: 'pending',
    score,
    explanation: [],
    commute: { mode: 'car', minutes, distanceKm: minutes, shift: 'day', method: 'estimate', warnings: [] },
    vacancy: {
      title,
      sector: 'aeronautics',
      occupation: 'H2913',
      contract: 'CDI',
      openings: 2,
      commune: { code: '64335', name: 'Lescar' },
    },
    candidate: {
      area: 'Pau',
      commuteBand: '15 à 30 min',
      occupations: [],
      skillsMatched: [],
      skillsMissing: [],
    },
    createdAt: at,
    updatedAt: at,
  };
}

async function queue(matches: Match[]) {
  for (const match of matches) {
    await deps.matches.save(match);
    expect(await onMatchChanged(deps, match)).toBe('queued');
  }
}

const statuses = async (matches: Match[]) =>
  Promise.all(matches.map(async (m) => (await deps.offers.get(m.id))?.status));

/**
 * 50 seekers for one vacancy: scores 99 down to 81 for the first 19, then four at 80 (three
 * of them 20 minutes away, tied with the 20th place; one 30 minutes away), then 78 down to 52.
 */
async function fiftyCandidates(vacancyId: string) {
  const matches: Match[] = [];
  for (let i = 0; i < 50; i++) {
    const id = await seeker(`s${i}`);
    const score = i < 19 ? 99 - i : i < 23 ? 80 : 101 - i;
    matches.push(matchOf(vacancyId, id, score, i === 22 ? 30 : 20));
  }
  return matches;
}

describe('offer waves on dynalite', () => {
  it('2 openings, 50 matches: the first wave is the 20 best; declines bring the next wave; replays change nothing', async () => {
    const vacancyId = await vacancy('wave');
    const matches = await fiftyCandidates(vacancyId);
    await queue(matches);
    // Seekers 19, 20 and 21 tie for the 20th place: 19 and 20 had an offer this week already.
    for (const i of [19, 20])
      await deps.offers.count(offeredThisWeek(matches[i]?.seekerId as string), '2026-W49');
    expect(await releaseWaves(deps)).toMatchObject({ waves: 0 });

    const first = await releaseWaves(deps, afterWindow());
    expect(first).toMatchObject({ waves: 1, released: 20 });
    // The ranking read the 19 best, the three tied at the cut and the first item after them: no further.
    expect(first.itemsRead).toBe(23);
    const firstWave = (await statuses(matches)).flatMap((s, i) => (s === 'pending' ? [matches[i]?.id] : []));
    expect(firstWave.sort()).toEqual([...matches.slice(0, 19), matches[21] as Match].map((m) => m.id).sort());
    expect((await deps.offers.get(matches[0]?.id as string))?.wave).toBe(1);

    // Replays: the same matches again, the round again: nothing moves, nothing more is released.
    for (const match of matches) expect(await onMatchChanged(deps, match)).toBe('ignored');
    expect(await releaseWaves(deps, afterWindow())).toMatchObject({ waves: 0, released: 0 });

    // Nineteen answers: the next wave waits; the twentieth: it is due now.
    const answered = matches.filter((m) => firstWave.includes(m.id));
    for (const match of answered.slice(0, 19))
      await onMatchChanged(deps, { ...match, response: 'declined', respondedAt: now.toISOString() });
    expect(await releaseWaves(deps)).toMatchObject({ waves: 0 });
    const last = { ...(answered[19] as Match), response: 'declined' as const };
    expect(await onMatchChanged(deps, last)).toBe('answered');
    expect(await onMatchChanged(deps, last)).toBe('answered'); // a redelivered answer counts once
    const second = await releaseWaves(deps);
    expect(second).toMatchObject({ waves: 1, released: 20 });
    const secondWave = await Promise.all(matches.map((m) => deps.offers.get(m.id)));
    const inSecond = secondWave.filter((o) => o?.wave === 2) as Offer[];
    expect(Math.max(...inSecond.map((o) => o.score))).toBeLessThanOrEqual(80);
    expect(Math.min(...inSecond.map((o) => o.score))).toBe(
      [...matches].sort((a, b) => b.score - a.score)[39]?.score,
    );
    const waves = await deps.waves.get(vacancyId);
    expect(waves?.history).toEqual([
      expect.objectContaining({ wave: 1, released: 20, answered: 20, accepted: 0 }),
      expect.objectContaining({ wave: 2, released: 20, answered: 0 }),
    ]);
    // Nobody answers the second wave: the third goes after the stated delay, with the last 10.
    now = new Date(now.getTime() + 47 * 3_600_000);
    expect(await releaseWaves(deps)).toMatchObject({ waves: 0 });
    now = new Date(now.getTime() + 2 * 3_600_000);
    expect(await releaseWaves(deps)).toMatchObject({ waves: 1, released: 10 });
    expect((await statuses(matches)).filter((s) => s === 'queued')).toEqual([]);
    // That wave ran short (10 of 20): a newcomer tops it up after a collection window, in wave 3.
    const newcomer = matchOf(vacancyId, await seeker('newcomer'), 99);
    await queue([newcomer]);
    expect(await releaseWaves(deps)).toMatchObject({ waves: 0 });
    expect(await releaseWaves(deps, afterWindow())).toMatchObject({ waves: 1, released: 1 });
    expect(await deps.offers.get(newcomer.id)).toMatchObject({ status: 'pending', wave: 3 });
    expect((await deps.waves.get(vacancyId))?.history.at(-1)).toMatchObject({ wave: 3, released: 11 });
  });

  it('the daily cap sends the 3 best of the window; the digest lists the others best first, and a later better one with a note', async () => {
    const lea = await seeker('lea');
    const matches: Match[] = [];
    for (const [i, score] of [70, 91, 65, 88, 95].entries()) {
      const vacancyId = await vacancy(`cap${i}`, 1);
      matches.push(matchOf(vacancyId, lea, score, 20, `Poste noté ${score}`));
    }
    await queue(matches);
    expect(await releaseWaves(deps, afterWindow())).toMatchObject({ waves: 5, released: 3, digest: 2 });
    for (const match of matches) await deliverOffer(deps, match.id);
    expect(sent.map((m) => m.text.match(/Poste noté (\d+)/)?.[1]).sort()).toEqual(['88', '91', '95']);

    // In the afternoon a better one comes: the cap is spent, it goes to the digest, with a note.
    now = new Date('2026-12-01T15:00:00Z');
    const later = matchOf(await vacancy('cap-late', 1), lea, 97, 20, 'Poste noté 97');
    await queue([later]);
    expect(await releaseWaves(deps, afterWindow())).toMatchObject({ released: 0, digest: 1 });
    expect(await deps.offers.get(later.id)).toMatchObject({
      status: 'digest',
      reason: 'offer.dailyCapBetter',
    });
    expect((await deps.offers.get(matches[0]?.id as string))?.reason).toBe('offer.dailyCap');

    now = new Date('2026-12-02T07:30:00Z');
    expect(await releaseDueOffers(deps)).toEqual({ sent: 0, digests: 1 });
    const digest = sent[3]?.text ?? '';
    expect(digest).toMatch(
      /^Bassin : 3 offre\(s\) pour vous : Poste noté 97 .*; Poste noté 70 .*; Poste noté 65 /,
    );
    expect(digest).toContain('meilleures que vos SMS d’hier');
    expect(sent).toHaveLength(4);
  });

  it('quiet hours hold a wave; at their end the best of the night take the day’s slots, the rest the digest', async () => {
    const noe = await seeker('noe', { dailyCap: 2 });
    now = new Date('2026-12-01T23:00:00Z'); // midnight in Pau
    const matches: Match[] = [];
    for (const [i, score] of [72, 93, 81].entries())
      matches.push(matchOf(await vacancy(`night${i}`, 1), noe, score, 20, `Poste noté ${score}`));
    await queue(matches);
    expect(await releaseWaves(deps, afterWindow())).toMatchObject({ waves: 3, held: 3 });
    expect(sent).toEqual([]);
    now = new Date('2026-12-02T06:10:00Z'); // 07:10 in Pau, quiet hours over
    expect(await releaseDueOffers(deps)).toEqual({ sent: 2, digests: 0 });
    expect(sent.map((m) => m.text.match(/Poste noté (\d+)/)?.[1]).sort()).toEqual(['81', '93']);
    expect(await deps.offers.get(matches[0]?.id as string)).toMatchObject({
      status: 'digest',
      reason: 'offer.dailyCap',
    });
    // The release again, later the same morning: nothing is sent twice.
    expect(await releaseDueOffers(deps)).toEqual({ sent: 0, digests: 0 });
    expect(sent).toHaveLength(2);
  });

  it('a re-scored queued offer takes its new rank; a withdrawn match leaves the queue', async () => {
    const vacancyId = await vacancy('rescore', 1);
    const matches: Match[] = [];
    for (let i = 0; i < 12; i++) matches.push(matchOf(vacancyId, await seeker(`r${i}`), 90 - i));
    await queue(matches);
    const climber = matches[11] as Match;
    expect(await onMatchChanged(deps, { ...climber, score: 99 })).toBe('reranked');
    const gone = matches[0] as Match;
    expect(
      await onMatchChanged(deps, { ...gone, status: 'withdrawn', withdrawnReason: 'match.noLongerFits' }),
    ).toBe('withdrawn');
    expect(await releaseWaves(deps, afterWindow())).toMatchObject({ released: 10 });
    expect(await statuses(matches)).toEqual(['withdrawn', ...Array(9).fill('pending'), 'queued', 'pending']);
  });

  it('a round cut short after writing its selection is finished with the same offers, not a new pick', async () => {
    const vacancyId = await vacancy('resume', 1);
    const matches: Match[] = [];
    for (let i = 0; i < 14; i++) matches.push(matchOf(vacancyId, await seeker(`c${i}`), 95 - i));
    await queue(matches);
    // The interrupted run had chosen these four (say the matcher's scores changed since) and died.
    const chosen = matches.slice(10, 14).map((m) => m.id);
    const waves = await deps.waves.get(vacancyId);
    if (!waves) throw new Error('no schedule');
    expect(
      await deps.waves.save(
        { ...waves, selection: { wave: 1, offerIds: chosen }, version: waves.version + 1 },
        waves.version,
      ),
    ).toBe(true);
    expect(await releaseWaves(deps, afterWindow())).toMatchObject({ waves: 1, released: 4 });
    const moved = (await statuses(matches)).flatMap((s, i) => (s === 'pending' ? [matches[i]?.id] : []));
    expect(moved.sort()).toEqual([...chosen].sort());
    expect(await deps.waves.get(vacancyId)).toMatchObject({
      released: 1,
      history: [{ wave: 1, released: 4 }],
    });
    expect((await deps.waves.get(vacancyId))?.selection).toBeUndefined();
  });
});
