import { inboxDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { listMyNotificationsRoute } from '../../shared/api/notifications';
import { listMyNotifications } from '../../shared/domain/notifications/seeker-controls';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listMyNotificationsRoute, async ({ query, caller, language }) => ({
  status: 200,
  body: await listMyNotifications(inboxDeps(uses.listMyNotifications), caller.sub, query, language),
}));
