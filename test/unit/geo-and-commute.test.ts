import { describe, expect, it } from 'vitest';
import {
  defaultServiceHours,
  estimateCommute,
  estimateMinutes,
  reachKm,
} from '../../shared/domain/commute/estimator';
import {
  cellHeightKm,
  cellId,
  cellLevels,
  cellOf,
  coverLevel,
  distanceKm,
  minDistanceToCellKm,
  neighbourhood,
  reachDirections,
  reachLevels,
  seekerProjectionKm,
  siteProjection,
} from '../../shared/domain/geo';
import { communeLocation } from '../../shared/reference/coordinates';

const at = (code: string) => {
  const location = communeLocation(code);
  if (!location) throw new Error(`no coordinates for ${code}`);
  return { lat: location.lat, lon: location.lon };
};
const pau = at('64445');
const lescar = at('64335');
const bayonne = at('64102');
const tarbes = at('65440');

/** A tiny deterministic PRNG so property tests are repeatable. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

describe('distances and cells', () => {
  it('measures great-circle distances', () => {
    expect(distanceKm(pau, lescar)).toBeGreaterThan(6);
    expect(distanceKm(pau, lescar)).toBeLessThan(8);
    expect(distanceKm(pau, bayonne)).toBeGreaterThan(85);
    expect(distanceKm(pau, bayonne)).toBeLessThan(100);
  });

  it('covers any reach disc with the 3×3 cells around home at the chosen level (10,000 random cases)', () => {
    const next = random(42);
    for (let i = 0; i < 10_000; i++) {
      // Homes over metropolitan France and Corsica; reaches up to the 120-minute car reach.
      const home = { lat: 41.3 + next() * 9.8, lon: -5 + next() * 14.6 };
      const reach = next() * reachKm('car', 120);
      const bearing = next() * 2 * Math.PI;
      const d = next() * reach;
      const site = {
        lat: home.lat + (d / 111.2) * Math.cos(bearing),
        lon: home.lon + (d / (111.2 * Math.cos((home.lat * Math.PI) / 180))) * Math.sin(bearing),
      };
      if (distanceKm(home, site) > reach) continue;
      const level = coverLevel(home, reach);
      const around = neighbourhood(site, level).map((c) => `${c.x}:${c.y}`);
      const homeCell = cellOf(home, level);
      expect(around, `home ${JSON.stringify(home)} reach ${reach}`).toContain(`${homeCell.x}:${homeCell.y}`);
      // And the pruning bound never exceeds the true distance from the site to the home's cell.
      expect(minDistanceToCellKm(site, homeCell)).toBeLessThanOrEqual(distanceKm(home, site) + 1e-9);
      expect(reach).toBeLessThanOrEqual(cellHeightKm(level));
    }
  });

  it('keeps every site in reach when the site reads along its direction (format 2 keys, 20,000 cases at the disc edge)', () => {
    const next = random(7);
    for (let i = 0; i < 20_000; i++) {
      const home = { lat: 41.3 + next() * 9.8, lon: -5 + next() * 14.6 };
      const reach = next() * reachKm('car', 120);
      const bearing = next() * 2 * Math.PI;
      // Mostly right at the edge, where a loose bound would be caught.
      const d = reach * (next() < 0.8 ? 1 : next());
      const site = {
        lat: home.lat + (d / 111.2) * Math.cos(bearing),
        lon: home.lon + (d / (111.2 * Math.cos((home.lat * Math.PI) / 180))) * Math.sin(bearing),
      };
      if (distanceKm(home, site) > reach) continue;
      const cell = cellOf(home, coverLevel(home, reach, reachLevels));
      expect(neighbourhood(site, cell.level).map(cellId)).toContain(cellId(cell));
      const { direction, km } = siteProjection(site, cell);
      expect(direction).toBeGreaterThanOrEqual(0);
      expect(direction).toBeLessThan(reachDirections);
      expect(
        seekerProjectionKm(home, cell, reach, direction),
        `home ${JSON.stringify(home)} reach ${reach}`,
      ).toBeGreaterThanOrEqual(km);
    }
  });

  it('reads fewer seekers than the disc’s cells would: a seeker well out of reach on the site’s side is skipped', () => {
    const cell = cellOf(pau, coverLevel(pau, 19, reachLevels));
    const east = { lat: pau.lat, lon: pau.lon + 40 / (111.32 * Math.cos((pau.lat * Math.PI) / 180)) };
    const { direction, km } = siteProjection(east, cell);
    expect(direction).toBe(0);
    // 40 km east of a home with a 19 km reach (and still within the home cell's neighbourhood at level 10).
    expect(seekerProjectionKm(pau, cell, 19, direction)).toBeLessThan(km);
    expect(seekerProjectionKm(pau, cell, 45, direction)).toBeGreaterThanOrEqual(km);
  });

  it('uses finer cells for shorter reaches', () => {
    expect(coverLevel(pau, 10)).toBe(10);
    expect(coverLevel(pau, 30)).toBe(9);
    expect(coverLevel(pau, 60)).toBe(8);
    expect(coverLevel(pau, reachKm('car', 120))).toBe(7);
    expect(cellLevels.at(-1)).toBe(6);
  });
});

describe('commute estimator', () => {
  it('gives plausible car times in the pilot territory', () => {
    const car = (to: { lat: number; lon: number }, hour: number) =>
      estimateCommute({ from: pau, to, mode: 'car', hour, imprecise: true }).minutes ?? Number.NaN;
    expect(car(lescar, 11)).toBeGreaterThanOrEqual(12);
    expect(car(lescar, 11)).toBeLessThanOrEqual(22);
    expect(car(tarbes, 11)).toBeGreaterThanOrEqual(38);
    expect(car(tarbes, 11)).toBeLessThanOrEqual(55);
    expect(car(bayonne, 11)).toBeGreaterThanOrEqual(70);
    expect(car(bayonne, 11)).toBeLessThanOrEqual(95);
    expect(car(tarbes, 8)).toBeGreaterThan(car(tarbes, 11));
  });

  it('never gets faster with distance, for every mode and hour', () => {
    for (const mode of ['car', 'transit', 'bike', 'walk'] as const) {
      for (const hour of [undefined, 3, 8, 12, 17]) {
        let previous = 0;
        for (let km = 0; km <= 200; km += 0.5) {
          const minutes = estimateMinutes(mode, km, hour);
          expect(minutes).toBeGreaterThanOrEqual(previous);
          previous = minutes;
        }
      }
    }
  });

  it('reach is the exact inverse of the estimate at the fastest hour', () => {
    for (const mode of ['car', 'transit', 'bike', 'walk'] as const) {
      for (const minutes of [20, 40, 90]) {
        const km = reachKm(mode, minutes);
        if (km === 0) {
          expect(estimateMinutes(mode, 0, undefined)).toBeGreaterThan(minutes);
          continue;
        }
        expect(estimateMinutes(mode, km * 0.999, undefined)).toBeLessThanOrEqual(minutes + 0.5);
        expect(estimateMinutes(mode, km * 1.01 + 0.01, undefined)).toBeGreaterThan(minutes);
      }
    }
  });

  it('marks transit as a low-confidence estimate, unavailable outside service hours', () => {
    const day = estimateCommute({ from: pau, to: lescar, mode: 'transit', hour: 8, imprecise: true });
    expect(day).toMatchObject({ method: 'estimate', confidence: 'low' });
    expect(day.minutes).toBeGreaterThan(20);
    expect(day.warnings).toContainEqual({ code: 'commute.transitEstimate' });
    for (const hour of [4, 5, 21, 23]) {
      const night = estimateCommute({ from: pau, to: lescar, mode: 'transit', hour, imprecise: true });
      expect(night.minutes, `hour ${hour}`).toBeNull();
      expect(night.warnings).toContainEqual({ code: 'commute.noService', params: { start: 6, end: 21 } });
    }
    // A trip leaving at 20:00 that would end after 21:00 is not possible either.
    expect(estimateCommute({ from: pau, to: tarbes, mode: 'transit', hour: 20 }).minutes).toBeNull();
    expect(defaultServiceHours).toEqual({ start: 6, end: 21 });
  });

  it('warns about walking and cycling, and about commune-level precision', () => {
    expect(estimateCommute({ from: pau, to: lescar, mode: 'bike', hour: 8 }).warnings).toEqual([
      { code: 'commute.bikeEstimate' },
    ]);
    expect(estimateCommute({ from: pau, to: lescar, mode: 'walk', hour: 8 }).warnings).toEqual([
      { code: 'commute.walkEstimate' },
    ]);
    // A commune placed at its centroid is less sure than one placed at its town centre.
    const centroid = estimateCommute({
      from: pau,
      to: lescar,
      mode: 'car',
      hour: 11,
      imprecise: true,
      centroid: true,
    });
    expect(centroid).toMatchObject({ confidence: 'low', warnings: [{ code: 'commute.centroid' }] });
    const sameTown = estimateCommute({ from: pau, to: pau, mode: 'car', hour: 11, imprecise: true });
    expect(sameTown.distanceKm).toBeGreaterThan(0);
    expect(sameTown.warnings).toContainEqual({ code: 'commute.townCentre' });
    expect(estimateCommute({ from: pau, to: lescar, mode: 'car', hour: 11 }).confidence).toBe('high');
  });
});
