import { vacancyDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { closeVacancyRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { closeVacancy } from '../../shared/domain/vacancy-operations';
import { httpHandler } from '../../shared/http/handler';
import { etag, ifMatchVersion } from '../../shared/http/versions';

export const handler = httpHandler(closeVacancyRoute, async ({ params, headers, caller }) => {
  const closed = await closeVacancy(
    vacancyDeps(uses.closeVacancy),
    caller.sub,
    params.id,
    ifMatchVersion(headers),
  );
  return { status: 200, body: toVacancyView(closed), headers: { etag: etag(closed.version) } };
});
