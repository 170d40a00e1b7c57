import { vacancyDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { patchVacancyRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { amendVacancy } from '../../shared/domain/vacancy-operations';
import { httpHandler } from '../../shared/http/handler';
import { etag, ifMatchVersion } from '../../shared/http/versions';

export const handler = httpHandler(patchVacancyRoute, async ({ params, body, headers, caller }) => {
  const changed = await amendVacancy(
    vacancyDeps(uses.patchVacancy),
    caller.sub,
    params.id,
    body,
    ifMatchVersion(headers),
  );
  return { status: 200, body: toVacancyView(changed), headers: { etag: etag(changed.version) } };
});
