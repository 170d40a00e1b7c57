import { vacancyDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { countEvent } from '../../shared/adapters/powertools/observability';
import { postVacancyRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { postVacancy } from '../../shared/domain/vacancy-operations';
import { idempotentHttpHandler } from '../../shared/http/idempotency';
import { etag } from '../../shared/http/versions';

export const handler = idempotentHttpHandler(postVacancyRoute, async ({ body, caller, headers }) => {
  const created = await postVacancy(
    vacancyDeps(uses.postVacancy),
    caller.sub,
    body,
    headers['idempotency-key'],
  );
  countEvent('vacancyPosted');
  return {
    status: 201,
    body: toVacancyView(created),
    headers: { location: `/v1/vacancies/${created.id}`, etag: etag(created.version) },
  };
});
