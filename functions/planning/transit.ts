import { mobilityDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { transitOverviewRoute } from '../../shared/api/planning';
import { transitOverview } from '../../shared/domain/planning/mobility';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(transitOverviewRoute, async () => ({
  status: 200,
  body: await transitOverview(mobilityDeps(uses.planningTransit)),
}));
