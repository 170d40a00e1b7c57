import { deviceDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { registerDeviceRoute } from '../../shared/api/notifications';
import { registerDevice } from '../../shared/domain/notifications/seeker-controls';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(registerDeviceRoute, async ({ body, caller }) => ({
  status: 200,
  body: await registerDevice(deviceDeps(uses.registerDevice), caller.sub, body.platform, body.token),
}));
