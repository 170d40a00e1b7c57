import { planningDeps } from '../../shared/adapters/dependencies';
import { putAreaRoute } from '../../shared/api/planning';
import { saveArea } from '../../shared/domain/planning/operations';
import { httpHandler } from '../../shared/http/handler';
import { etag, ifMatchVersion } from '../../shared/http/versions';

export const handler = httpHandler(putAreaRoute, async ({ params, body, headers, caller }) => {
  const { area, created } = await saveArea(
    planningDeps(),
    params.id,
    body,
    ifMatchVersion(headers),
    caller.sub,
  );
  return {
    status: created ? 201 : 200,
    body: area,
    headers: {
      etag: etag(area.version ?? 1),
      ...(created ? { location: `/v1/planning/areas/${area.id}` } : {}),
    },
  };
});
