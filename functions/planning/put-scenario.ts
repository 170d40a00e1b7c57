import { mobilityDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { putScenarioRoute } from '../../shared/api/planning';
import { saveScenario } from '../../shared/domain/planning/mobility';
import { httpHandler } from '../../shared/http/handler';
import { ifMatchVersion, putAnswer } from '../../shared/http/versions';

export const handler = httpHandler(putScenarioRoute, async ({ params, body, headers, caller }) => {
  const { scenario, created } = await saveScenario(
    mobilityDeps(uses.putMobilityScenario),
    params.id,
    body,
    ifMatchVersion(headers),
    caller.sub,
  );
  return putAnswer(scenario, created, `/v1/planning/scenarios/${scenario.id}`);
});
