import { mobilityDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { listScenariosRoute } from '../../shared/api/planning';
import { listScenarios } from '../../shared/domain/planning/mobility';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listScenariosRoute, async () => ({
  status: 200,
  body: { items: await listScenarios(mobilityDeps(uses.listMobilityScenarios)) },
}));
