import { vacancyDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { reopenVacancyRoute } from '../../shared/api/vacancies';
import { toVacancyView } from '../../shared/domain/vacancy';
import { reopenVacancy } from '../../shared/domain/vacancy-operations';
import { httpHandler } from '../../shared/http/handler';
import { etag, ifMatchVersion } from '../../shared/http/versions';

export const handler = httpHandler(reopenVacancyRoute, async ({ params, headers, caller }) => {
  const open = await reopenVacancy(
    vacancyDeps(uses.reopenVacancy),
    caller.sub,
    params.id,
    ifMatchVersion(headers),
  );
  return { status: 200, body: toVacancyView(open), headers: { etag: etag(open.version) } };
});
