import { planningDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { indicatorsRoute } from '../../shared/api/planning';
import { indicators } from '../../shared/domain/planning/indicators';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(indicatorsRoute, async ({ query }) => ({
  status: 200,
  body: await indicators(planningDeps(uses.planningIndicators), query),
}));
