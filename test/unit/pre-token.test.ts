import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/auth/pre-token-generation';

const event = (groups: string[]) =>
  ({
    version: '2',
    triggerSource: 'TokenGeneration_Authentication',
    request: {
      userAttributes: {},
      groupConfiguration: { groupsToOverride: groups },
      scopes: ['openid', 'bassin/admin'],
    },
    response: { claimsAndScopeOverrideDetails: null },
  }) as unknown as PreTokenGenerationV2TriggerEvent;

describe('pre-token-generation trigger', () => {
  it('grants the scopes of the user’s groups and suppresses every other Bassin scope', async () => {
    const result = await handler(event(['employer', 'unknown-group']));
    expect(result.response.claimsAndScopeOverrideDetails?.accessTokenGeneration).toEqual({
      scopesToAdd: ['bassin/employer'],
      scopesToSuppress: ['bassin/seeker', 'bassin/planner', 'bassin/admin'],
    });
  });

  it('gives no Bassin scope to a user in no group', async () => {
    const result = await handler(event([]));
    expect(result.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.scopesToAdd).toEqual([]);
  });
});
