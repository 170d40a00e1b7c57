import { forEachInParallel, lastWriterWinsAttempts } from '../concurrency';
import type { Match } from '../match';
import type { Offer } from '../offer';
import { notificationDefaults, type SeekerProfile } from '../seeker';
import type { Vacancy } from '../vacancy';
import { moveOffer, type OfferDeps, offeredThisWeek, offersOf, wantsOffers } from './offer-deps';
import { parisClock } from './paris-time';
import { nextMorning, placeForSeekers } from './placement';
import { isoWeek, offerRank } from './waves-settings';

/** One released wave, for the planners' figures. */
export interface WaveFigures {
  wave: number;
  releasedAt: string;
  released: number;
  answered: number;
  accepted: number;
}

/**
 * A vacancy's wave schedule. Its offers wait queued, ranked; each wave releases the best
 * `factor × openings` of them. The first wave is due a collection window after the first
 * (or latest) candidate came in, so the matcher has settled; the next one when every offer
 * of the last wave was answered (or went away), or `nextWaveHours` after it at the latest.
 */
export interface OfferWaves {
  vacancyId: string;
  employerId: string;
  /** Waves released so far. */
  released: number;
  /** When the next wave is due; absent while there is nothing to release. */
  dueAt?: string;
  /** The wave being released, written before its first offer moves, so an interrupted run finishes the same wave. */
  selection?: { wave: number; offerIds: string[] };
  /** Offers (of any wave) whose match was answered or went away: counted once each. */
  answered: string[];
  history: WaveFigures[];
  firstAcceptedAt?: string;
  createdAt: string;
  version: number;
}

const minutes = (n: number) => n * 60_000;

/**
 * A candidate joined (or was re-ranked in) the vacancy's queue: a vacancy with nothing
 * scheduled gets its next wave a collection window from now; before the first wave, each
 * new candidate pushes the window back (the matcher is still at work), up to three windows;
 * after a wave that ran short of candidates, it is topped up a window from now.
 */
export async function collectCandidate(
  deps: OfferDeps,
  offer: Offer,
  match: Pick<Match, 'employerId' | 'vacancy'>,
): Promise<void> {
  const now = deps.clock.now();
  const window = minutes(deps.config.waves.collectionMinutes);
  const soon = new Date(now.getTime() + window).toISOString();
  const size = deps.config.waves.factor * match.vacancy.openings;
  await updateWaves(deps, offer.vacancyId, (current) => {
    if (!current)
      return {
        vacancyId: offer.vacancyId,
        employerId: match.employerId,
        released: 0,
        dueAt: soon,
        answered: [],
        history: [],
        createdAt: now.toISOString(),
        version: 0,
      };
    if (!current.dueAt) return { ...current, dueAt: soon };
    const latest = latestWave(current);
    if (latest && latest.released < size && current.dueAt > soon) return { ...current, dueAt: soon };
    const extended = Math.min(Date.parse(soon), Date.parse(current.createdAt) + 3 * window);
    // Minute steps: a burst of candidates does not rewrite the schedule for each one.
    if (current.released === 0 && extended - Date.parse(current.dueAt) >= 60_000)
      return { ...current, dueAt: new Date(extended).toISOString() };
    return undefined;
  });
}

const latestWave = (waves: OfferWaves) => waves.history.find((w) => w.wave === waves.released);

/**
 * A released offer's match was answered (accepted or declined) or went away: counted once
 * for its wave; when the whole latest wave has answered, the next wave is due now.
 */
export async function offerAnswered(deps: OfferDeps, offer: Offer, accepted: boolean): Promise<void> {
  const wave = offer.wave;
  if (!wave) return;
  const at = deps.clock.now().toISOString();
  await updateWaves(deps, offer.vacancyId, (current) => {
    if (!current || current.answered.includes(offer.id)) return undefined;
    const history = current.history.map((w) =>
      w.wave === wave ? { ...w, answered: w.answered + 1, accepted: w.accepted + (accepted ? 1 : 0) } : w,
    );
    const latest = history.find((w) => w.wave === current.released);
    const allAnswered = wave === current.released && latest && latest.answered >= latest.released;
    return {
      ...current,
      answered: [...current.answered, offer.id],
      history,
      ...(accepted && !current.firstAcceptedAt ? { firstAcceptedAt: at } : {}),
      ...(allAnswered && current.dueAt && current.dueAt > at ? { dueAt: at } : {}),
    };
  });
}

/** Read, change, write if unchanged meanwhile (the stream's lanes and the job share the item). */
async function updateWaves(
  deps: OfferDeps,
  vacancyId: string,
  change: (current: OfferWaves | undefined) => OfferWaves | undefined,
): Promise<OfferWaves | undefined> {
  for (let attempt = 0; attempt < lastWriterWinsAttempts; attempt++) {
    const current = await deps.waves.get(vacancyId);
    const next = change(current);
    if (!next) return current;
    const expected = current?.version ?? 0;
    if (await deps.waves.save({ ...next, version: expected + 1 }, expected)) return next;
  }
  throw new Error(`the offer waves of ${vacancyId} kept changing`);
}

export interface WaveRound {
  waves: number;
  released: number;
  held: number;
  digest: number;
  /** Queue items read to choose the waves (the ranking reads no more than it needs). */
  itemsRead: number;
}

interface Plan {
  waves: OfferWaves;
  wave: number;
  /** Fills the latest wave, which ran short of candidates, instead of starting the next. */
  topUp: boolean;
  offers: Offer[];
  /** A selection written by an interrupted run: its employer slots are already taken. */
  resumed: boolean;
  /** The employer's cap held some of its candidates back: the wave is topped up tomorrow morning. */
  capped?: boolean;
}

/**
 * The scheduled wave round. For each vacancy whose wave is due: the best eligible queued
 * offers (ties at the cut: shorter commute, then fewer offers received this week); the
 * employers' daily caps are spent across their vacancies by fit; the selections are
 * written down, then placed per seeker (best of the window), then the schedules move on.
 * `asOf` lets the local runtime close collection windows once its feed is idle.
 */
export async function releaseWaves(
  deps: OfferDeps,
  asOf: Date = deps.clock.now(),
  /** Vacancies per round (the job's deadline); the rest are due at the next round. */
  limit = 50,
): Promise<WaveRound> {
  const round: WaveRound = { waves: 0, released: 0, held: 0, digest: 0, itemsRead: 0 };
  const profiles = new Map<string, SeekerProfile | undefined>();
  const plans: Plan[] = [];
  for (const waves of await deps.waves.due(asOf, limit)) {
    if (waves.selection) {
      const offers = await Promise.all(waves.selection.offerIds.map((id) => deps.offers.get(id)));
      plans.push({
        waves,
        wave: waves.selection.wave,
        offers: offers.filter((o): o is Offer => o?.status === 'queued'),
        topUp: waves.selection.wave === waves.released,
        resumed: true,
      });
      continue;
    }
    const vacancy = await deps.vacancies.get(waves.vacancyId);
    const accepted = waves.history.reduce((sum, w) => sum + w.accepted, 0);
    if (vacancy?.status !== 'open' || accepted >= vacancy.openings) {
      await settle(deps, waves, undefined);
      continue;
    }
    const size = deps.config.waves.factor * vacancy.openings;
    const latest = latestWave(waves);
    const topUp =
      !!latest &&
      latest.released < size &&
      latest.answered < latest.released &&
      asOf.getTime() < Date.parse(latest.releasedAt) + nextWaveMs(deps);
    const room = topUp && latest ? size - latest.released : size;
    const chosen = await bestCandidates(deps, vacancy, room, profiles, round);
    if (chosen.length > 0)
      plans.push({
        waves,
        wave: topUp ? waves.released : waves.released + 1,
        offers: chosen,
        topUp,
        resumed: false,
      });
    else if (topUp && latest)
      await settle(deps, waves, new Date(Date.parse(latest.releasedAt) + nextWaveMs(deps)));
    else await settle(deps, waves, undefined);
  }
  const kept = await spendEmployerCaps(deps, plans);
  const written: Plan[] = [];
  for (const plan of kept) {
    if (plan.resumed) {
      written.push(plan);
      continue;
    }
    if (plan.offers.length === 0) {
      // The employer's cap is spent for today: the wave waits for tomorrow morning.
      await settle(deps, plan.waves, nextMorning(deps.clock.now(), notificationDefaults.quietHours));
      continue;
    }
    const selection = { wave: plan.wave, offerIds: plan.offers.map((o) => o.id) };
    const next = { ...plan.waves, selection, version: plan.waves.version + 1 };
    if (await deps.waves.save(next, plan.waves.version)) written.push({ ...plan, waves: next });
    else
      for (const _slot of plan.offers)
        await deps.offers.releaseDailySlot(
          offersOf(plan.waves.employerId),
          parisClock(deps.clock.now()).date,
        );
  }
  const placed = await placeForSeekers(
    deps,
    written.flatMap((plan) => plan.offers.map((o) => ({ ...o, wave: plan.wave }))),
    profiles,
  );
  round.released = placed.pending.length;
  round.held = placed.held;
  round.digest = placed.digest;
  const at = deps.clock.now();
  for (const plan of written) {
    round.waves++;
    // A resumed wave counts what the interrupted run had already moved too.
    const released = plan.resumed ? (plan.waves.selection?.offerIds.length ?? 0) : plan.offers.length;
    await updateWaves(deps, plan.waves.vacancyId, (current) => {
      if (!current || current.selection?.wave !== plan.wave) return undefined;
      const { selection: _done, ...rest } = current;
      const before = current.history.find((w) => w.wave === plan.wave);
      const figures =
        before && plan.topUp
          ? { ...before, released: before.released + released }
          : { wave: plan.wave, releasedAt: at.toISOString(), released, answered: 0, accepted: 0 };
      return {
        ...rest,
        released: plan.wave,
        dueAt: (plan.capped
          ? nextMorning(at, notificationDefaults.quietHours)
          : new Date(Date.parse(figures.releasedAt) + nextWaveMs(deps))
        ).toISOString(),
        history: [...current.history.filter((w) => w.wave !== plan.wave), figures],
      };
    });
  }
  return round;
}

const nextWaveMs = (deps: OfferDeps) => deps.config.waves.nextWaveHours * 3_600_000;

/** Ends a schedule's due time (nothing to release) or moves it (the employer's cap). */
async function settle(deps: OfferDeps, waves: OfferWaves, dueAt: Date | undefined) {
  await updateWaves(deps, waves.vacancyId, (current) => {
    if (!current || current.selection) return undefined;
    const { dueAt: _due, ...rest } = current;
    return dueAt ? { ...rest, dueAt: dueAt.toISOString() } : rest;
  });
}

const rankOf = (offer: Offer) => offerRank(offer.score, offer.commute.minutes);

/**
 * The `size` best queued offers of a vacancy whose seeker still wants offers, read in
 * rank order from the queue index and no further than needed: the cut falls inside a
 * group of equal score and commute only if the next item has the same rank, and that
 * group is ordered by offers received this week.
 */
async function bestCandidates(
  deps: OfferDeps,
  vacancy: Vacancy,
  size: number,
  profiles: Map<string, SeekerProfile | undefined>,
  round: WaveRound,
): Promise<Offer[]> {
  const eligible: Offer[] = [];
  let cursor: string | undefined;
  reading: do {
    const page = await deps.offers.queued(vacancy.id, { limit: size + 1, ...(cursor ? { cursor } : {}) });
    const unknown = [...new Set(page.items.map((o) => o.seekerId))].filter((id) => !profiles.has(id));
    await forEachInParallel(unknown, 8, async (id) => profiles.set(id, await deps.seekers.get(id)));
    for (const offer of page.items) {
      round.itemsRead++;
      const cut = eligible[size - 1];
      if (cut && rankOf(offer) !== rankOf(cut)) break reading;
      if (!wantsOffers(profiles.get(offer.seekerId))) {
        await moveOffer(deps, offer, 'skipped', {
          reason: 'offer.paused',
          updatedAt: deps.clock.now().toISOString(),
        });
        continue;
      }
      eligible.push(offer);
    }
    cursor = page.nextCursor;
  } while (cursor);
  if (eligible.length <= size) return eligible;
  const cutRank = rankOf(eligible[size - 1] as Offer);
  const sure = eligible.filter((o) => rankOf(o) < cutRank);
  const tied = eligible.filter((o) => rankOf(o) === cutRank);
  const week = isoWeek(parisClock(deps.clock.now()).date);
  const received = new Map(
    await Promise.all(
      tied.map(async (o) => [o.id, await deps.offers.counted(offeredThisWeek(o.seekerId), week)] as const),
    ),
  );
  tied.sort((a, b) => (received.get(a.id) ?? 0) - (received.get(b.id) ?? 0) || a.id.localeCompare(b.id));
  return [...sure, ...tied.slice(0, size - sure.length)];
}

/**
 * An employer's daily cap goes to their best candidates across the vacancies of the round,
 * not to the vacancy that came first; those left over stay queued for a later wave.
 */
async function spendEmployerCaps(deps: OfferDeps, plans: Plan[]): Promise<Plan[]> {
  const today = parisClock(deps.clock.now()).date;
  const keptIds = new Set<string>();
  const byEmployer = new Map<string, Plan[]>();
  for (const plan of plans) {
    if (plan.resumed) continue;
    byEmployer.set(plan.waves.employerId, [...(byEmployer.get(plan.waves.employerId) ?? []), plan]);
  }
  for (const [employerId, theirs] of byEmployer) {
    const ranked = theirs.flatMap((p) => p.offers).sort((a, b) => rankOf(a).localeCompare(rankOf(b)));
    for (const offer of ranked) {
      if (!(await deps.offers.takeDailySlot(offersOf(employerId), today, deps.config.employerDailyCap)))
        break;
      keptIds.add(offer.id);
    }
  }
  return plans.map((plan) => {
    if (plan.resumed) return plan;
    const offers = plan.offers.filter((o) => keptIds.has(o.id));
    return { ...plan, offers, capped: offers.length < plan.offers.length };
  });
}
