import { reachDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { tensionRoute } from '../../shared/api/planning';
import { tension } from '../../shared/domain/planning/tension';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(tensionRoute, async ({ query }) => ({
  status: 200,
  body: await tension(reachDeps(uses.planningTension), query),
}));
