import { mobilityDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { transitReachRoute } from '../../shared/api/planning';
import { transitReach } from '../../shared/domain/planning/mobility';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(transitReachRoute, async ({ query }) => ({
  status: 200,
  body: await transitReach(mobilityDeps(uses.planningTransitReach), query),
}));
