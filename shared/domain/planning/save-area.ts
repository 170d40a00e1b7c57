/** A planner saves one of their own areas (built-in ones are not theirs to change). */
import { ConflictError } from '../errors';
import { type Area, type AreaDefinition, isReservedAreaId } from './areas';
import type { PlanningDeps } from './sources';
import { saveTeamItem } from './team-items';

export const maxCustomAreas = 200;
export async function saveArea(
  deps: Pick<PlanningDeps, 'areas' | 'clock'>,
  id: string,
  definition: AreaDefinition,
  ifMatch: number | undefined,
  by: string,
): Promise<{ area: Area; created: boolean }> {
  if (isReservedAreaId(id)) throw new ConflictError('conflict.builtInArea', { id });
  const { item, created } = await saveTeamItem(
    deps.areas,
    id,
    ifMatch,
    { max: maxCustomAreas, problem: 'conflict.tooManyAreas' },
    (version): Area => ({
      id,
      name: definition.name,
      kind: 'custom',
      epcis: definition.epcis,
      communes: definition.communes,
      departements: [],
      version,
      updatedBy: by,
      updatedAt: deps.clock.now().toISOString(),
    }),
  );
  return { area: item, created };
}
