import { vacancyDeps } from '../../shared/adapters/dependencies';
import { listMyVacanciesRoute } from '../../shared/api/vacancies';
import { listOwnVacancies } from '../../shared/domain/vacancy-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listMyVacanciesRoute, async ({ query, caller }) => ({
  status: 200,
  body: await listOwnVacancies(vacancyDeps(), caller.sub, query),
}));
