import { seekerDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { unsubscribeMeRoute } from '../../shared/api/notifications';
import { unsubscribe } from '../../shared/domain/notifications/seeker-controls';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(unsubscribeMeRoute, async ({ caller }) => {
  await unsubscribe(seekerDeps(uses.unsubscribeMe), caller.sub);
  return { status: 204 };
});
