import { employerNoticeDeps } from '../../shared/adapters/dependencies';
import { markEmployerNoticesSeenRoute } from '../../shared/api/employers';
import { markEmployerNoticesSeen } from '../../shared/domain/employer-notices';
import { httpHandler } from '../../shared/http/handler';
import { systemClock } from '../../shared/ports/runtime';

export const handler = httpHandler(markEmployerNoticesSeenRoute, async ({ caller }) => {
  await markEmployerNoticesSeen(employerNoticeDeps(), caller.sub, systemClock.now().toISOString());
  return { status: 204 };
});
