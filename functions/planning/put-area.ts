import { planningDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { putAreaRoute } from '../../shared/api/planning';
import { saveArea } from '../../shared/domain/planning/save-area';
import { httpHandler } from '../../shared/http/handler';
import { ifMatchVersion, putAnswer } from '../../shared/http/versions';

export const handler = httpHandler(putAreaRoute, async ({ params, body, headers, caller }) => {
  const { area, created } = await saveArea(
    planningDeps(uses.putPlanningArea),
    params.id,
    body,
    ifMatchVersion(headers),
    caller.sub,
  );
  return putAnswer(area, created, `/v1/planning/areas/${area.id}`);
});
