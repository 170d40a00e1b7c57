import { seekerDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { getMyProfileRoute } from '../../shared/api/seekers';
import { toSeekerProfileView } from '../../shared/domain/seeker';
import { getSeekerProfile } from '../../shared/domain/seeker-operations';
import { httpHandler } from '../../shared/http/handler';
import { etag } from '../../shared/http/versions';

export const handler = httpHandler(getMyProfileRoute, async ({ caller }) => {
  const profile = await getSeekerProfile(seekerDeps(uses.getMyProfile), caller.sub);
  return { status: 200, body: toSeekerProfileView(profile), headers: { etag: etag(profile.version) } };
});
