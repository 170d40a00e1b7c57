/** The skills an area's open vacancies ask for most, against the seekers within reach who have them. */
import { skillLabelOfKey } from '../matching/skills';
import { all, cell, nowBucket } from './codes';
import { areaReachDefaults } from './reach';
import { metricCells } from './secrecy';
import { areaSources, areaSummary, findArea, nodeName, type ReachDeps, round } from './sources';

export async function skillsGap(
  deps: ReachDeps,
  query: { area: string; sector?: string | undefined; limit: number },
) {
  const resolved = await findArea(deps, query.area);
  const { of, people, persons, reach } = await areaSources(deps, resolved, [nowBucket], {
    reachBy: deps.travel,
  });
  const sector = query.sector ?? all;
  const demand = new Map<string, number>();
  for (const bucket of of(nowBucket).buckets)
    for (const [at, count] of Object.entries(metricCells(bucket, 'skill_demand'))) {
      const { sector: s, occupation: skill } = cell.decode(at);
      if (s === sector && skill && count > 0) demand.set(skill, (demand.get(skill) ?? 0) + count);
    }
  const top = [...demand.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, query.limit);
  const items = top.map(([skill, openVacancies]) => {
    const seekers = persons.sum(reach, nowBucket, 'skill_supply', cell.encode(all, skill));
    return {
      skill,
      label: skillLabelOfKey(skill),
      openVacancies,
      seekersInReach: seekers.value,
      seekersSuppressed: seekers.suppressed,
      seekersPerVacancy: seekers.value === null ? null : round(seekers.value / openVacancies, 2),
    };
  });
  return {
    area: areaSummary(resolved, people),
    sector: query.sector ?? null,
    reach: { ...areaReachDefaults, areas: reach.map(nodeName) },
    items,
  };
}
