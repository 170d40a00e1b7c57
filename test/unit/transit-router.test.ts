import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Network, transfersFrom } from '../../shared/domain/transit/network';
import { doorJourneys, legsOf, prepare, profilesTo } from '../../shared/domain/transit/profile';

/** Random small networks: a few stops, trips of 2–4 distinct stops, walks and change times. */
const smallNetwork = fc
  .integer({ min: 2, max: 6 })
  .chain((stopCount) => {
    const stop = fc.integer({ min: 0, max: stopCount - 1 });
    const trip = fc.record({
      line: fc.integer({ min: 0, max: 1 }),
      stops: fc.uniqueArray(stop, { minLength: 2, maxLength: Math.min(4, stopCount) }),
      start: fc.integer({ min: 0, max: 120 }),
      hops: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 3, maxLength: 3 }),
      dwells: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
    });
    return fc.record({
      stopCount: fc.constant(stopCount),
      trips: fc.array(trip, { minLength: 1, maxLength: 7 }),
      transfers: fc.array(fc.record({ from: stop, to: stop, minutes: fc.integer({ min: 0, max: 10 }) }), {
        maxLength: 6,
      }),
      egress: fc.uniqueArray(fc.tuple(stop, fc.integer({ min: 0, max: 10 })), {
        minLength: 1,
        maxLength: 2,
        selector: ([s]) => s,
      }),
      access: fc.uniqueArray(fc.tuple(stop, fc.integer({ min: 0, max: 10 })), {
        minLength: 1,
        maxLength: 3,
        selector: ([s]) => s,
      }),
    });
  })
  .map(({ stopCount, trips, transfers, egress, access }) => {
    const network: Network = {
      stops: Array.from({ length: stopCount }, (_, i) => ({ id: `s${i}`, name: `S${i}`, lat: 0, lon: 0 })),
      lines: [
        { id: 'a', name: 'A', mode: 'bus', agency: 'x' },
        { id: 'b', name: 'B', mode: 'rail', agency: 'x' },
      ],
      trips: trips.map((trip, index) => {
        let time = trip.start * 60;
        return {
          id: `t${index}`,
          line: trip.line,
          times: trip.stops.map((stop, i): [number, number, number] => {
            if (i > 0) time += (trip.hops[i - 1] ?? 0) * 60;
            const arrival = time;
            time += (trip.dwells[i] ?? 0) * 60;
            return [stop, arrival, time];
          }),
        };
      }),
      transfers: transfers.map((t) => ({ from: t.from, to: t.to, seconds: t.minutes * 60 })),
    };
    return {
      network,
      egress: new Map(egress.map(([s, m]) => [s, m * 60])),
      access: new Map(access.map(([s, m]) => [s, m * 60])),
    };
  });

type Pair = [departure: number, arrival: number];

/** Every journey by depth-first search over distinct trips, with the router's transfer rules. */
function bruteForce(network: Network, egress: Map<number, number>, from: number): Pair[] {
  const transfers = transfersFrom(network);
  const found: Pair[] = [];
  const ride = (trip: number, index: number, used: Set<number>, departure: number) => {
    const times = network.trips[trip]?.times ?? [];
    for (let j = index + 1; j < times.length; j++) {
      const [stop, arrival] = times[j] as [number, number, number];
      const walk = egress.get(stop);
      if (walk !== undefined) found.push([departure, arrival + walk]);
      for (const { to, seconds } of transfers[stop] ?? [])
        network.trips.forEach((next, t) => {
          if (used.has(t)) return;
          next.times.forEach(([s, , leaves], k) => {
            if (s === to && k + 1 < next.times.length && leaves >= arrival + seconds)
              ride(t, k, new Set([...used, t]), departure);
          });
        });
    }
  };
  network.trips.forEach((trip, t) => {
    trip.times.forEach(([stop, , leaves], i) => {
      if (stop === from && i + 1 < trip.times.length) ride(t, i, new Set([t]), leaves);
    });
  });
  return pareto(found);
}

/** Pairs not beaten by another (leaves later or at the same time, arrives no later), latest departure first. */
function pareto(pairs: Pair[]): Pair[] {
  const sorted = [...pairs].sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const kept: Pair[] = [];
  for (const pair of sorted) {
    const last = kept[kept.length - 1];
    if (last && pair[1] >= last[1]) continue;
    kept.push(pair);
  }
  return kept;
}

describe('profile connection scan', () => {
  it('finds exactly the journeys brute force finds, on 2,000 random small networks', () => {
    fc.assert(
      fc.property(smallNetwork, ({ network, egress }) => {
        const prepared = prepare(network);
        const profiles = profilesTo(prepared, egress);
        const transfers = transfersFrom(network);
        network.stops.forEach((_, stop) => {
          const profile = profiles[stop] ?? [];
          expect(profile.map((e): Pair => [e.departure, e.arrival])).toEqual(
            bruteForce(network, egress, stop),
          );
          // Each journey rebuilt from its pointers is feasible and has the same times.
          for (const entry of profile) {
            const legs = legsOf(prepared, entry);
            expect(legs[0]?.departure).toBe(entry.departure);
            expect(legs[0]?.from).toBe(stop);
            const last = legs[legs.length - 1];
            expect((last?.arrival ?? 0) + (egress.get(last?.to ?? -1) ?? Number.NaN)).toBe(entry.arrival);
            for (let i = 1; i < legs.length; i++) {
              const before = legs[i - 1];
              const after = legs[i];
              const change = transfers[before?.to ?? -1]?.find((t) => t.to === after?.from);
              expect(change).toBeDefined();
              expect(after?.departure).toBeGreaterThanOrEqual(
                (before?.arrival ?? 0) + (change?.seconds ?? 0),
              );
            }
          }
        });
      }),
      { numRuns: 2000, seed: 16 },
    );
  });

  it('combines the stops around a door into the same journeys as brute force from each', () => {
    fc.assert(
      fc.property(smallNetwork, ({ network, egress, access }) => {
        const journeys = doorJourneys(profilesTo(prepare(network), egress), access);
        const expected = pareto(
          [...access].flatMap(([stop, walk]) =>
            bruteForce(network, egress, stop).map(([dep, arr]): Pair => [dep - walk, arr]),
          ),
        ).reverse();
        expect(journeys.map((j): Pair => [j.departure, j.arrival])).toEqual(expected);
      }),
      { numRuns: 1000, seed: 61 },
    );
  });
});
