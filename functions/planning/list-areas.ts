import { planningDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { listAreasRoute } from '../../shared/api/planning';
import { listAreas } from '../../shared/domain/planning/list-areas';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listAreasRoute, async () => ({
  status: 200,
  body: { items: await listAreas(planningDeps(uses.listPlanningAreas)) },
}));
