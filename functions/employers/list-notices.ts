import { employerNoticeDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { listEmployerNoticesRoute } from '../../shared/api/employers';
import { listEmployerNotices } from '../../shared/domain/employer-notices';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listEmployerNoticesRoute, async ({ query, caller, language }) => ({
  status: 200,
  body: await listEmployerNotices(employerNoticeDeps(uses.listEmployerNotices), caller.sub, query, language),
}));
