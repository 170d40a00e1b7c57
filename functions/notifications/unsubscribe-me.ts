import { seekerDeps } from '../../shared/adapters/dependencies';
import { unsubscribeMeRoute } from '../../shared/api/notifications';
import { unsubscribe } from '../../shared/domain/notifications/seeker-controls';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(unsubscribeMeRoute, async ({ caller }) => {
  await unsubscribe(seekerDeps(), caller.sub);
  return { status: 204 };
});
