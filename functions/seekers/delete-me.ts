import { deviceDeps, seekerDeps } from '../../shared/adapters/dependencies';
import { deleteMyProfileRoute } from '../../shared/api/seekers';
import { eraseSeeker } from '../../shared/domain/seeker-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(deleteMyProfileRoute, async ({ caller }) => {
  await eraseSeeker({ ...seekerDeps(), devices: deviceDeps().devices }, caller.sub);
  return { status: 204 };
});
