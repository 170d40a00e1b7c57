import { vacancyDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { duplicateVacancyRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { duplicateVacancy } from '../../shared/domain/vacancy-operations';
import { idempotentHttpHandler } from '../../shared/http/idempotency';
import { etag } from '../../shared/http/versions';

export const handler = idempotentHttpHandler(duplicateVacancyRoute, async ({ params, caller }) => {
  const copy = await duplicateVacancy(vacancyDeps(uses.duplicateVacancy), caller.sub, params.id);
  return {
    status: 201,
    body: toVacancyView(copy),
    headers: { location: `/v1/vacancies/${copy.id}`, etag: etag(copy.version) },
  };
});
