import { seekerDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { putMyProfileRoute } from '../../shared/api/seekers';
import { toSeekerProfileView } from '../../shared/domain/seeker';
import { saveSeekerProfile } from '../../shared/domain/seeker-operations';
import { httpHandler } from '../../shared/http/handler';
import { etag, ifMatchVersion } from '../../shared/http/versions';

export const handler = httpHandler(putMyProfileRoute, async ({ body, headers, caller }) => {
  const { profile, created } = await saveSeekerProfile(
    seekerDeps(uses.putMyProfile),
    caller.sub,
    body,
    ifMatchVersion(headers),
  );
  return {
    status: created ? 201 : 200,
    body: toSeekerProfileView(profile),
    headers: { etag: etag(profile.version), ...(created ? { location: '/v1/seekers/me' } : {}) },
  };
});
