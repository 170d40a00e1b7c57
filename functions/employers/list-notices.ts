import { employerNoticeDeps } from '../../shared/adapters/dependencies';
import { listEmployerNoticesRoute } from '../../shared/api/employers';
import { listEmployerNotices } from '../../shared/domain/employer-notices';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listEmployerNoticesRoute, async ({ query, caller, language }) => ({
  status: 200,
  body: await listEmployerNotices(employerNoticeDeps(), caller.sub, query, language),
}));
