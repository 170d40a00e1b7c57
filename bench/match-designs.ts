/**
 * `npm run bench:match-designs -- --seekers 20000 --vacancies 40`
 *
 * What a reach-index design would read, without DynamoDB: for SYNTHETIC seekers and
 * vacancies (as bench:match makes them), counts per vacancy the index items a design's
 * queries return and how many queries it needs, against the true matches (brute force).
 * Designs: the current one (seekers in the cell at the level their reach fits, 3×3 cells
 * per level), the same with partitions split into 4 or 16 sub-cells (more queries, a
 * tighter bound on where a home is), each with and without a perfect shift filter; and
 * the floor any disc-shaped index has: seekers whose reach disc holds the site.
 */
import { commandLine } from '../infra/cli';
import { prng, syntheticSeeker, syntheticVacancy } from '../infra/local/synthetic';
import { estimatorTravelTime } from '../shared/adapters/travel/estimator';
import {
  type Cell,
  cellHeightKm,
  cellId,
  cellLevels,
  cellOf,
  coverLevel,
  distanceKm,
  minDistanceToCellKm,
  neighbourhood,
} from '../shared/domain/geo';
import { locateHome, locateSite } from '../shared/domain/locate';
import { evaluateMatch } from '../shared/domain/matching/evaluate';
import { seekerReachKm } from '../shared/domain/matching/lifecycle';

const cli = commandLine({
  command: 'npm run bench:match-designs --',
  summary:
    'Counts, without DynamoDB, the items and queries per vacancy of reach-index designs against the\n' +
    'true matches (brute force), on SYNTHETIC data.',
  options: {
    seekers: { type: 'string', value: 'N', default: '20000', description: 'Seekers.' },
    vacancies: { type: 'string', value: 'N', default: '40', description: 'Vacancies (at most 200).' },
  },
});
const seekerCount = cli.integer('seekers', 1, 1_000_000);
const vacancyCount = cli.integer('vacancies', 1, 200);

const next = prng(2026);
const seekers = Array.from({ length: seekerCount }, (_, i) => syntheticSeeker(next, `s${i}`));
const vacancies = Array.from({ length: 200 }, (_, i) => syntheticVacancy(next, `v${i}`)).slice(
  0,
  vacancyCount,
);
const travel = estimatorTravelTime();
const rows = seekers
  .filter((s) => s.consent.matching)
  .map((s) => {
    const home = locateHome(s.home).point;
    const reach = seekerReachKm(s);
    return { seeker: s, home, reach, level: coverLevel(home, reach) };
  });

let trueMatches = 0;
let inDisc = 0;
const truth = new Map<string, Set<string>>();
for (const vacancy of vacancies) {
  const site = locateSite(vacancy.site);
  const fits = new Set<string>();
  for (const row of rows) {
    if (!row.seeker.sectors.includes(vacancy.sector)) continue;
    if (distanceKm(site.point, row.home) <= row.reach) inDisc++;
    const evaluation = await evaluateMatch(
      { vacancy, site, seeker: row.seeker, home: locateHome(row.seeker.home) },
      travel,
    );
    if (evaluation.fits) fits.add(row.seeker.id);
  }
  truth.set(vacancy.id, fits);
  trueMatches += fits.size;
}

const shiftsMeet = (a?: string[], b?: string[]) => !a || !b || a.some((shift) => b.includes(shift));
const table: Record<string, Record<string, number>> = {
  'reach disc holds the site (floor of any disc index)': {
    'queries / vacancy': Number.NaN,
    'items / true match': Math.round((inDisc / trueMatches) * 100) / 100,
    missed: 0,
  },
};
for (const split of [0, 1, 2])
  for (const shiftFilter of [false, true]) {
    let items = 0;
    let queries = 0;
    let missed = 0;
    for (const vacancy of vacancies) {
      const site = locateSite(vacancy.site).point;
      const reads = new Map<string, number>();
      for (const level of cellLevels)
        for (const cell of neighbourhood(site, level)) {
          if (minDistanceToCellKm(site, cell) > cellHeightKm(level)) continue;
          const n = 2 ** split;
          for (let dx = 0; dx < n; dx++)
            for (let dy = 0; dy < n; dy++) {
              const sub: Cell = { level: level + split, x: cell.x * n + dx, y: cell.y * n + dy };
              const nearest = minDistanceToCellKm(site, sub);
              if (nearest <= cellHeightKm(level)) reads.set(`${level}|${cellId(sub)}`, nearest);
            }
        }
      queries += reads.size;
      const fits = truth.get(vacancy.id) ?? new Set();
      for (const row of rows) {
        if (!row.seeker.sectors.includes(vacancy.sector)) continue;
        if (shiftFilter && !shiftsMeet(vacancy.shifts, row.seeker.shifts)) continue;
        const nearest = reads.get(`${row.level}|${cellId(cellOf(row.home, row.level + split))}`);
        if (nearest !== undefined && Math.ceil(row.reach * 10) >= Math.floor(nearest * 10)) items++;
        else if (fits.has(row.seeker.id)) missed++;
      }
    }
    table[
      `${split === 0 ? 'current cells' : `${4 ** split} sub-cells per cell`}${shiftFilter ? ' + shift filter' : ''}`
    ] = {
      'queries / vacancy': Math.round(queries / vacancyCount),
      'items / true match': Math.round((items / trueMatches) * 100) / 100,
      missed,
    };
  }
console.log(
  `${seekerCount} seekers, ${vacancyCount} vacancies, ${trueMatches / vacancyCount} true matches per vacancy`,
);
console.table(table);
