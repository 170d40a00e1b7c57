import { vacancyDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { getVacancyRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { getOwnVacancy } from '../../shared/domain/vacancy-operations';
import { httpHandler } from '../../shared/http/handler';
import { etag } from '../../shared/http/versions';

export const handler = httpHandler(getVacancyRoute, async ({ params, caller }) => {
  const found = await getOwnVacancy(vacancyDeps(uses.getVacancy), caller.sub, params.id);
  return { status: 200, body: toVacancyView(found), headers: { etag: etag(found.version) } };
});
