import { mobilityDeps } from '../../shared/adapters/dependencies';
import { listScenariosRoute } from '../../shared/api/planning';
import { listScenarios } from '../../shared/domain/planning/mobility';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listScenariosRoute, async () => ({
  status: 200,
  body: { items: await listScenarios(mobilityDeps()) },
}));
