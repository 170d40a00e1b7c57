import { deviceDeps } from '../../shared/adapters/dependencies';
import { registerDeviceRoute } from '../../shared/api/notifications';
import { registerDevice } from '../../shared/domain/notifications/seeker-controls';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(registerDeviceRoute, async ({ body, caller }) => ({
  status: 200,
  body: await registerDevice(deviceDeps(), caller.sub, body.platform, body.token),
}));
