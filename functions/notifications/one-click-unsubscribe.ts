import { offerDepsWithSecret } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { oneClickUnsubscribeRoute } from '../../shared/api/notifications';
import { unsubscribeWithToken } from '../../shared/domain/notifications/seeker-controls';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(oneClickUnsubscribeRoute, async ({ headers }) => {
  await unsubscribeWithToken(
    await offerDepsWithSecret(uses.oneClickUnsubscribe),
    headers['x-unsubscribe-token'] ?? '',
  );
  return { status: 204 };
});
