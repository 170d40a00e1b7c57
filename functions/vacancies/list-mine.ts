import { matchReadDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { listMyVacanciesRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { listOwnVacanciesCounted } from '../../shared/domain/vacancy-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listMyVacanciesRoute, async ({ query, caller }) => {
  const page = await listOwnVacanciesCounted(matchReadDeps(uses.listMyVacancies), caller.sub, query);
  return {
    status: 200,
    body: {
      ...page,
      items: page.items.map(({ vacancy, counts }) => ({ ...toVacancyView(vacancy), counts })),
    },
  };
});
