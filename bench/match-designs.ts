/**
 * `npm run bench:match-designs -- --seekers 20000 --vacancies 40`
 *
 * What a reach-index design would read, without DynamoDB: for SYNTHETIC seekers and
 * vacancies (as bench:match makes them), counts per vacancy the index items a design's
 * queries return and how many queries it needs, against the true matches (brute force).
 * Designs: the current one (seekers in the cell at the level their reach fits, 3×3 cells
 * per level), the same with partitions split into 4 or 16 sub-cells (more queries, a
 * tighter bound on where a home is), each with and without a perfect shift filter; and
 * the floor any disc-shaped index has: seekers whose reach disc holds the site; and the
 * index in use (format 2): levels 11/10/8/6, shift partitions, reach projected on 6 directions,
 * counted with the same key functions the index uses (a design that misses a true match says so).
 */
import { commandLine } from '../infra/cli';
import { prng, syntheticSeeker, syntheticVacancy } from '../infra/local/synthetic';
import { shiftClassesOf } from '../shared/adapters/dynamodb/keys/seeker-reach-keys';
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
  reachDirections,
  reachLevels,
  seekerProjectionKm,
  siteProjection,
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
// The index in use: per seeker, sector, shift class and direction one item; per site one query per cell and class.
{
  let items = 0;
  let queries = 0;
  let missed = 0;
  const indexed = rows.map((row) => {
    const cell = cellOf(row.home, coverLevel(row.home, row.reach, reachLevels));
    const projections = Array.from({ length: reachDirections }, (_, d) =>
      seekerProjectionKm(row.home, cell, row.reach, d),
    );
    return {
      ...row,
      cellKey: cellId(cell),
      projections,
      classes: shiftClassesOf(row.seeker.shifts) as string[],
    };
  });
  for (const vacancy of vacancies) {
    const site = locateSite(vacancy.site).point;
    const reads = new Map<string, { direction: number; km: number }>();
    for (const level of reachLevels)
      for (const cell of neighbourhood(site, level))
        if (minDistanceToCellKm(site, cell) <= cellHeightKm(level))
          reads.set(cellId(cell), siteProjection(site, cell));
    const classes = [...vacancy.shifts, 'any'];
    queries += reads.size * classes.length;
    const fits = truth.get(vacancy.id) ?? new Set();
    for (const row of indexed) {
      if (!row.seeker.sectors.includes(vacancy.sector)) continue;
      const read = reads.get(row.cellKey);
      // Sort keys are whole tenths of km, the item's rounded up and the query's down.
      const copies =
        read &&
        Math.ceil(((row.projections[read.direction] as number) + 20_000) * 10) >=
          Math.floor((read.km + 20_000) * 10)
          ? row.classes.filter((c) => classes.includes(c)).length
          : 0;
      items += copies;
      if (copies === 0 && fits.has(row.seeker.id)) missed++;
    }
  }
  const writes = indexed.reduce(
    (sum, row) => sum + row.seeker.sectors.length * row.classes.length * reachDirections,
    0,
  );
  table[`index in use: levels ${reachLevels.join('/')}, shifts, ${reachDirections} directions`] = {
    'queries / vacancy': Math.round(queries / vacancyCount),
    'items / true match': Math.round((items / trueMatches) * 100) / 100,
    missed,
    'items / seeker': Math.round((writes / rows.length) * 10) / 10,
  };
}
console.log(
  `${seekerCount} seekers, ${vacancyCount} vacancies, ${trueMatches / vacancyCount} true matches per vacancy`,
);
console.table(table);
