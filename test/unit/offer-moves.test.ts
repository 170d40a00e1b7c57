import { describe, expect, it } from 'vitest';
import { moveOffer } from '../../shared/domain/notifications/offer-deps';
import { isoWeek, offerRank } from '../../shared/domain/notifications/waves-settings';
import {
  IllegalOfferMoveError,
  isLegalMove,
  type Offer,
  type OfferStatus,
  offerMoves,
  offerStatus,
} from '../../shared/domain/offer';
import type { OfferStore } from '../../shared/ports/notifications';

const statuses = offerStatus.options;

/** Every legal move, as the lifecycle is meant to be read (offer.ts documents each). */
const expected: Record<OfferStatus, OfferStatus[]> = {
  queued: ['queued', 'pending', 'held', 'digest', 'withdrawn', 'skipped'],
  pending: ['sending', 'held', 'withdrawn', 'skipped'],
  held: ['pending', 'digest', 'withdrawn', 'skipped'],
  digest: ['sending', 'withdrawn', 'skipped'],
  sending: ['sent', 'pending', 'digest'],
  sent: [],
  withdrawn: [],
  skipped: [],
};

const offer = (status: OfferStatus): Offer => ({
  id: 'o1',
  vacancyId: 'v1',
  seekerId: 's1',
  channel: 'sms',
  status,
  score: 80,
  vacancy: {
    title: 'Soudeur',
    sector: 'aeronautics',
    occupation: 'H2913',
    commune: { code: '64335', name: 'Lescar' },
    epci: '200067254',
  },
  commute: { mode: 'car', minutes: 12 },
  createdAt: '2026-12-01T12:00:00.000Z',
  updatedAt: '2026-12-01T12:00:00.000Z',
});

describe('the offer state machine', () => {
  it('has a row for every status and names only known statuses', () => {
    expect(Object.keys(offerMoves).sort()).toEqual([...statuses].sort());
    for (const targets of Object.values(offerMoves)) for (const to of targets) expect(statuses).toContain(to);
  });

  it.each(statuses.flatMap((from) => statuses.map((to) => [from, to] as const)))(
    '%s → %s is legal exactly when the table says so, and only legal moves reach the store',
    async (from, to) => {
      const writes: OfferStatus[] = [];
      const store = { transition: async (_o: Offer, next: OfferStatus) => writes.push(next) > 0 };
      const legal = expected[from].includes(to);
      expect(isLegalMove(from, to)).toBe(legal);
      const deps = { offers: store as unknown as OfferStore };
      if (legal) {
        expect(await moveOffer(deps, offer(from), to, {})).toBe(true);
        expect(writes).toEqual([to]);
      } else {
        await expect(moveOffer(deps, offer(from), to, {})).rejects.toBeInstanceOf(IllegalOfferMoveError);
        expect(writes).toEqual([]);
      }
    },
  );

  it('final statuses stay final; every other status can still be withdrawn or finish', () => {
    for (const status of ['sent', 'withdrawn', 'skipped'] as const) expect(offerMoves[status]).toEqual([]);
    const reachesEnd = (from: OfferStatus, seen = new Set<OfferStatus>()): boolean =>
      offerMoves[from].length === 0 ||
      offerMoves[from].some((to) => !seen.has(to) && reachesEnd(to, new Set([...seen, from])));
    for (const status of statuses) expect(reachesEnd(status)).toBe(true);
  });
});

describe('ranking helpers', () => {
  it('sorts the queue by score, then by shorter commute', () => {
    const ranks = [offerRank(80, 30), offerRank(95, 50), offerRank(80, 9), offerRank(100, 0)].sort();
    expect(ranks).toEqual([offerRank(100, 0), offerRank(95, 50), offerRank(80, 9), offerRank(80, 30)]);
  });

  it('names ISO weeks, across a year boundary too', () => {
    expect(isoWeek('2026-12-01')).toBe('2026-W49');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
  });
});
