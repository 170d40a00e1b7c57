import { vacancyDeps } from '../../shared/adapters/dependencies';
import { listMyVacanciesRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { listOwnVacancies } from '../../shared/domain/vacancy-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listMyVacanciesRoute, async ({ query, caller }) => {
  const page = await listOwnVacancies(vacancyDeps(), caller.sub, query);
  return { status: 200, body: { ...page, items: page.items.map(toVacancyView) } };
});
