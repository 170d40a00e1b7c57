import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { parseGroupsClaim } from '../../shared/http/caller';
import { groups } from '../../shared/http/route-contract';
import { scopeOf } from '../../shared/http/scopes';

/**
 * Cognito pre-token-generation trigger (V2): the access token carries exactly the scopes
 * of the user's groups, whatever the client asked for, so API Gateway's per-route scopes
 * follow group membership. Functions still check the groups themselves.
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent) => {
  const mine = parseGroupsClaim(event.request.groupConfiguration.groupsToOverride ?? []);
  event.response = {
    claimsAndScopeOverrideDetails: {
      accessTokenGeneration: {
        scopesToAdd: mine.map(scopeOf),
        scopesToSuppress: groups.filter((group) => !mine.includes(group)).map(scopeOf),
      },
    },
  };
  return event;
};
