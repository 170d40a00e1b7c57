/** Tension per occupation: open vacancies of an area against the seekers within reach of it. */
import { findOccupation } from '../../reference/occupations';
import { all, cell } from './codes';
import { vacancyFigure } from './figures';
import type { Month } from './months';
import { areaReachDefaults } from './reach';
import { metricCells } from './secrecy';
import { areaSources, areaSummary, currentMonth, findArea, nodeName, type ReachDeps, round } from './sources';

export async function tension(deps: ReachDeps, query: { area: string; month?: Month | undefined }) {
  const resolved = await findArea(deps, query.area);
  const month = query.month ?? currentMonth(deps.clock);
  const { of, people, persons, reach } = await areaSources(deps, resolved, [month], { reachBy: deps.travel });
  const own = of(month).buckets;
  const occupations = new Set<string>();
  for (const bucket of own)
    for (const at of Object.keys(metricCells(bucket, 'vacancies_open')))
      if (cell.isPerOccupation(at)) occupations.add(cell.decode(at).occupation);
  const rows = [...occupations].map((occupation) => {
    const open = vacancyFigure(own, 'vacancies_open', { occupation });
    const seekers = persons.sum(reach, month, 'seekers_active', cell.encode(all, occupation));
    const ratio = seekers.value === null || seekers.value === 0 ? null : round(open / seekers.value, 3);
    return {
      occupation,
      label: findOccupation(occupation)?.label ?? occupation,
      openVacancies: open,
      seekersInReach: seekers.value,
      seekersSuppressed: seekers.suppressed,
      ratio,
      noSeekerInReach: seekers.value === 0,
    };
  });
  // Most tense first: no seeker at all, then the highest ratio; suppressed ratios are not ranked.
  const ranked = rows
    .filter((row) => row.openVacancies > 0 && (row.noSeekerInReach || row.ratio !== null))
    .sort(
      (a, b) =>
        Number(b.noSeekerInReach) - Number(a.noSeekerInReach) ||
        (b.ratio ?? 0) - (a.ratio ?? 0) ||
        b.openVacancies - a.openVacancies ||
        a.occupation.localeCompare(b.occupation),
    );
  const rank = new Map(ranked.map((row, i) => [row.occupation, i + 1]));
  return {
    area: areaSummary(resolved, people),
    month,
    reach: { ...areaReachDefaults, areas: reach.map(nodeName) },
    items: rows
      .filter((row) => row.openVacancies > 0)
      .map((row) => ({ ...row, rank: rank.get(row.occupation) ?? null }))
      .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.occupation.localeCompare(b.occupation)),
  };
}
