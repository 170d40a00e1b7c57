import { mobilityDeps } from '../../shared/adapters/dependencies';
import { putScenarioRoute } from '../../shared/api/planning';
import { saveScenario } from '../../shared/domain/planning/mobility';
import { httpHandler } from '../../shared/http/handler';
import { etag, ifMatchVersion } from '../../shared/http/versions';

export const handler = httpHandler(putScenarioRoute, async ({ params, body, headers, caller }) => {
  const { scenario, created } = await saveScenario(
    mobilityDeps(),
    params.id,
    body,
    ifMatchVersion(headers),
    caller.sub,
  );
  return {
    status: created ? 201 : 200,
    body: scenario,
    headers: {
      etag: etag(scenario.version),
      ...(created ? { location: `/v1/planning/scenarios/${scenario.id}` } : {}),
    },
  };
});
