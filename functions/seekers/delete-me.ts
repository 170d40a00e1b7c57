import { erasureDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { deleteMyProfileRoute } from '../../shared/api/seekers';
import { eraseSeeker } from '../../shared/domain/seeker-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(deleteMyProfileRoute, async ({ caller }) => {
  await eraseSeeker(erasureDeps(uses.deleteMyProfile), caller.sub);
  return { status: 204 };
});
