import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfferPublished } from '../../events/offer-published';
import { prng, syntheticVacancy } from '../../infra/local/synthetic';
import { deviceRegistry } from '../../shared/adapters/device-registry';
import { dynamoMatchIndex } from '../../shared/adapters/dynamodb/match-index';
import { dynamoMatchStore } from '../../shared/adapters/dynamodb/match-store';
import { dynamoOfferStore } from '../../shared/adapters/dynamodb/offer-store';
import { dynamoSeekerStore } from '../../shared/adapters/dynamodb/seeker-store';
import { dynamoVacancyStore } from '../../shared/adapters/dynamodb/vacancy-store';
import { dynamoWaveStore } from '../../shared/adapters/dynamodb/wave-store';
import { offerLinks } from '../../shared/adapters/offer-links';
import { estimatorTravelTime } from '../../shared/adapters/travel/estimator';
import type { Match } from '../../shared/domain/match';
import { rematchSeeker, rematchVacancy } from '../../shared/domain/matching/lifecycle';
import {
  deliverOffer,
  type OfferDeps,
  onMatchChanged,
  recoverStrandedOffers,
  releaseDueOffers,
} from '../../shared/domain/notifications/offers';
import { releaseWaves } from '../../shared/domain/notifications/waves';
import type { SeekerProfile } from '../../shared/domain/seeker';
import { startLocalTable } from '../support/local-table';
import { paluSeekerProfile, storedSeeker } from '../support/samples';

// A fresh table per test: each test's seeker sees only that test's vacancies.
let local: Awaited<ReturnType<typeof startLocalTable>>;
afterEach(() => local.stop());

/** Paris is UTC+1 in winter: 12:00Z is 13:00 in Pau. */
let now = new Date('2026-12-01T12:00:00Z');
const sent: { to: string; text: string }[] = [];
const published: OfferPublished[] = [];
let failNextSend = false;
let deps: OfferDeps & { clock: { now: () => Date } };
let seq = 0;

beforeEach(async () => {
  local = await startLocalTable();
  sent.length = 0;
  published.length = 0;
  now = new Date('2026-12-01T12:00:00Z');
  const table = local.table;
  deps = {
    offers: dynamoOfferStore(table),
    waves: dynamoWaveStore(table),
    matches: dynamoMatchStore(table),
    seekers: dynamoSeekerStore(table),
    vacancies: dynamoVacancyStore(table),
    devices: deviceRegistry(table, undefined),
    publisher: { publish: async (event) => void published.push(event) },
    sender: {
      sms: async (to, text) => {
        if (failNextSend) {
          failNextSend = false;
          throw new Error('SNS throttled');
        }
        sent.push({ to, text });
      },
      push: async (to, text) => void sent.push({ to, text }),
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

async function seekerWithMatches(
  preferences: SeekerProfile['notifications'] = {},
  vacancies = 1,
  title?: string,
) {
  const id = `offer-seeker-${++seq}`;
  const at = now.toISOString();
  const { shifts: _shifts, ...profile }: SeekerProfile = storedSeeker(
    { id, createdAt: at, updatedAt: at },
    { ...paluSeekerProfile(), sectors: ['rail'], notifications: preferences },
  );
  await deps.seekers.create(profile);
  const next = prng(seq);
  const ids: string[] = [];
  for (let i = 0; i < vacancies; i++) {
    const vacancy = {
      ...syntheticVacancy(next, `${id}-v${i}`),
      sector: 'rail' as const,
      occupation: 'H2913',
      site: { commune: '64335' },
      shifts: ['day' as const],
      ...(title ? { title } : {}),
    };
    await deps.vacancies.create(vacancy);
    ids.push(vacancy.id);
  }
  const matching = { ...deps, index: dynamoMatchIndex(local.table), travel: estimatorTravelTime() };
  await rematchSeeker(matching, id);
  const matches = await deps.matches.activeForSeeker(id);
  expect(matches).toHaveLength(vacancies);
  return { id, profile, matches, vacancyIds: ids, matching };
}

/** The matches become queued offers and their first waves go (the collection window closed). */
async function queueAndRelease(matches: Match[]) {
  for (const match of matches) expect(await onMatchChanged(deps, match)).toBe('queued');
  return releaseWaves(deps, new Date(now.getTime() + 11 * 60_000));
}

describe('offer lifecycle on dynalite', () => {
  it('one offer per match however often the match changes; sent once however often delivered', async () => {
    const { matches } = await seekerWithMatches();
    const [match] = matches;
    if (!match) throw new Error('no match');
    expect(await onMatchChanged(deps, match)).toBe('queued');
    expect(await onMatchChanged(deps, match)).toBe('ignored');
    // Queued, it waits for its wave: the deliverer has nothing to send yet.
    expect(await deliverOffer(deps, match.id)).toBe('already-done');
    expect(await releaseWaves(deps)).toMatchObject({ waves: 0 });
    expect(await releaseWaves(deps, new Date(now.getTime() + 11 * 60_000))).toMatchObject({
      waves: 1,
      released: 1,
    });
    expect(await deliverOffer(deps, match.id)).toBe('sent');
    expect(await deliverOffer(deps, match.id)).toBe('already-done');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain('https://bassin.example/m/');
    expect(await deps.offers.get(match.id)).toMatchObject({ status: 'sent', sentAt: now.toISOString() });
  });

  it('holds an offer during quiet hours and releases it after them', async () => {
    const { matches } = await seekerWithMatches();
    const [match] = matches;
    if (!match) throw new Error('no match');
    await onMatchChanged(deps, match);
    now = new Date('2026-12-01T21:30:00Z'); // 22:30 in Paris
    expect(await releaseWaves(deps)).toMatchObject({ waves: 1, held: 1 });
    expect(await deps.offers.get(match.id)).toMatchObject({
      status: 'held',
      notBefore: '2026-12-02T07:00:00.000Z',
    });
    now = new Date('2026-12-02T06:45:00Z');
    expect(await releaseDueOffers(deps)).toEqual({ sent: 0, digests: 0 });
    now = new Date('2026-12-02T07:15:00Z');
    expect(await releaseDueOffers(deps)).toEqual({ sent: 1, digests: 0 });
    expect(sent).toHaveLength(1);
  });

  it('puts offers beyond the daily cap in the next day’s digest, sent as one message', async () => {
    const { matches } = await seekerWithMatches({ dailyCap: 1 }, 3);
    expect(await queueAndRelease(matches)).toMatchObject({ waves: 3, released: 1, digest: 2 });
    const outcomes = [];
    for (const match of matches) outcomes.push(await deliverOffer(deps, match.id));
    expect(outcomes.sort()).toEqual(['already-done', 'already-done', 'sent']);
    expect(sent).toHaveLength(1);
    now = new Date('2026-12-02T07:15:00Z');
    expect(await releaseDueOffers(deps)).toEqual({ sent: 0, digests: 1 });
    expect(sent).toHaveLength(2);
    expect(sent[1]?.text).toMatch(/^Bassin : 2 offre\(s\) pour vous/);
    const statuses = await Promise.all(matches.map(async (m) => (await deps.offers.get(m.id))?.status));
    expect(statuses).toEqual(['sent', 'sent', 'sent']);
  });

  it('does not send an offer whose vacancy closed before sending', async () => {
    const { matches, vacancyIds, matching } = await seekerWithMatches();
    const [match] = matches;
    if (!match) throw new Error('no match');
    await queueAndRelease(matches);
    const vacancy = await deps.vacancies.get(vacancyIds[0] as string);
    if (!vacancy) throw new Error('no vacancy');
    await deps.vacancies.replace({ ...vacancy, status: 'closed', version: 2 }, 1);
    await rematchVacancy(matching, vacancy.id);
    const withdrawn = await deps.matches.get(match.id);
    expect(await onMatchChanged(deps, withdrawn ?? match)).toBe('withdrawn');
    expect(await deliverOffer(deps, match.id)).toBe('already-done');
    expect(sent).toEqual([]);
    expect(await deps.offers.get(match.id)).toMatchObject({
      status: 'withdrawn',
      reason: 'match.vacancyClosed',
    });
  });

  it('a failed send leaves the offer pending and the daily slot free, for the retry to send it', async () => {
    const { matches } = await seekerWithMatches({ dailyCap: 1 });
    const [match] = matches;
    if (!match) throw new Error('no match');
    await queueAndRelease(matches);
    failNextSend = true;
    await expect(deliverOffer(deps, match.id)).rejects.toThrow('SNS throttled');
    expect((await deps.offers.get(match.id))?.status).toBe('pending');
    expect(await deliverOffer(deps, match.id)).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('spends the employer’s daily cap on their best matches across vacancies, the rest wait', async () => {
    const { matches } = await seekerWithMatches({ dailyCap: 5 }, 3);
    deps.config.employerDailyCap = 2;
    expect(await queueAndRelease(matches)).toMatchObject({ waves: 2, released: 2 });
    const ranked = [...matches].sort((a, b) => b.score - a.score || a.commute.minutes - b.commute.minutes);
    const statuses = await Promise.all(ranked.map(async (m) => (await deps.offers.get(m.id))?.status));
    expect(statuses).toEqual(['pending', 'pending', 'queued']);
    // A replay of the round and of the matches spends nothing more.
    for (const match of matches) expect(await onMatchChanged(deps, match)).toBe('ignored');
    expect(await releaseWaves(deps, new Date(now.getTime() + 11 * 60_000))).toMatchObject({ released: 0 });
    // The waiting vacancy's wave is due tomorrow morning, when the cap starts again.
    now = new Date('2026-12-02T07:30:00Z');
    expect(await releaseWaves(deps)).toMatchObject({ waves: 1, released: 1 });
  });

  it('skips offers of a seeker who paused them or chose push without a device', async () => {
    const { matches } = await seekerWithMatches({ paused: false });
    const [match] = matches;
    if (!match) throw new Error('no match');
    await queueAndRelease(matches);
    const profile = await deps.seekers.get(match.seekerId);
    if (!profile) throw new Error('no profile');
    await deps.seekers.replace({ ...profile, contact: { channel: 'push' }, version: 2 }, 1);
    expect(await deliverOffer(deps, match.id)).toBe('skipped');
    expect(await deps.offers.get(match.id)).toMatchObject({ reason: 'offer.noDevice' });
    expect(sent).toEqual([]);
  });

  it('sends employer text without links, direction overrides or invisible characters', async () => {
    const title = 'Soudeur.se \u202Efdp.exe https://paie-acme.example/x www.acme.example acme-paie.fr\u200B';
    const { matches } = await seekerWithMatches({}, 1, title);
    const [match] = matches;
    if (!match) throw new Error('no match');
    await queueAndRelease(matches);
    expect(await deliverOffer(deps, match.id)).toBe('sent');
    const text = sent[0]?.text ?? '';
    expect(text).toContain('Soudeur·se');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/u);
    expect(text).not.toMatch(/paie-acme\.example|www\.|acme-paie\.fr/);
    // Bassin's own links are still there.
    expect(text).toMatch(
      /Voir : https:\/\/bassin\.example\/m\/\S+ — Stop : https:\/\/bassin\.example\/u\/\S+$/,
    );
  });

  it('after a crash, delivers offers still pending and finishes those stuck sending, each once', async () => {
    const { matches } = await seekerWithMatches({}, 3);
    await queueAndRelease(matches);
    const refs = new Set<string>();
    deps.sender = {
      sms: async (to, text, ref) => {
        if (refs.has(ref)) throw new Error(`sent twice: ${ref}`);
        refs.add(ref);
        sent.push({ to, text });
      },
      push: async () => undefined,
      sent: async (ref) => refs.has(ref),
    };
    const [pending, sentBeforeTheCrash, cutShort] = matches as [Match, Match, Match];
    // Two offers were being sent when the process died: one had gone out, one had not.
    for (const match of [sentBeforeTheCrash, cutShort]) {
      const offer = await deps.offers.get(match.id);
      if (!offer) throw new Error('no offer');
      expect(await deps.offers.transition(offer, 'sending', { updatedAt: now.toISOString() })).toBe(true);
    }
    refs.add(sentBeforeTheCrash.id);
    now = new Date(now.getTime() + 60_000);
    expect(await recoverStrandedOffers(deps, now)).toEqual({ recovered: 2 });
    expect(await recoverStrandedOffers(deps, now)).toEqual({ recovered: 0 });
    expect([...refs].sort()).toEqual(matches.map((m) => m.id).sort());
    expect(sent).toHaveLength(2);
    for (const match of [pending, sentBeforeTheCrash, cutShort])
      expect((await deps.offers.get(match.id))?.status).toBe('sent');
  });
});
