/** Every area a planner can ask about: the built-in ones, then the team's own. */
import { type Area, resolveArea, territoryAreas } from './areas';
import type { PlanningDeps } from './sources';

export async function listAreas(deps: Pick<PlanningDeps, 'areas'>) {
  const custom = await deps.areas.list();
  return [...territoryAreas(), ...custom.sort((a, b) => a.id.localeCompare(b.id))].map(describe);
}

function describe(area: Area) {
  const resolved = resolveArea(area);
  return { ...area, units: resolved.units.length, communeCount: resolved.communes, exact: resolved.exact };
}
