import { reachDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { catchmentRoute } from '../../shared/api/planning';
import { catchment } from '../../shared/domain/planning/catchment';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(catchmentRoute, async ({ query }) => ({
  status: 200,
  body: await catchment(reachDeps(uses.planningCatchment), query),
}));
