import { seekerDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { whoAmIRoute } from '../../shared/api/me';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(whoAmIRoute, async ({ caller }) => {
  // Only a seeker has a profile: other callers cost no read.
  const profile = caller.groups.includes('seeker')
    ? await seekerDeps(uses.whoAmI).seekers.get(caller.sub)
    : undefined;
  return {
    status: 200,
    body: { subject: caller.sub, groups: caller.groups, profile: profile?.version ?? null },
  };
});
