import { employerNoticeDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { markEmployerNoticesSeenRoute } from '../../shared/api/employers';
import { markEmployerNoticesSeen } from '../../shared/domain/employer-notices';
import { httpHandler } from '../../shared/http/handler';
import { systemClock } from '../../shared/ports/runtime';

export const handler = httpHandler(markEmployerNoticesSeenRoute, async ({ caller }) => {
  await markEmployerNoticesSeen(
    employerNoticeDeps(uses.markEmployerNoticesSeen),
    caller.sub,
    systemClock.now().toISOString(),
  );
  return { status: 204 };
});
