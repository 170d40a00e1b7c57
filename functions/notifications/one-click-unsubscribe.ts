import { offerDepsWithSecret } from '../../shared/adapters/dependencies';
import { oneClickUnsubscribeRoute } from '../../shared/api/notifications';
import { unsubscribeWithToken } from '../../shared/domain/notifications/seeker-controls';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(oneClickUnsubscribeRoute, async ({ body }) => {
  await unsubscribeWithToken(await offerDepsWithSecret(), body.token);
  return { status: 204 };
});
