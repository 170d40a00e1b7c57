import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authorizeUrl, codeChallenge, groupsOf, randomString } from '../../web/src/pkce';

describe('web sign-in with PKCE', () => {
  it('computes the S256 challenge: base64url(SHA-256(verifier)), as node:crypto does', async () => {
    for (const verifier of [
      'dBjftJeZ4CVP-mJ92K9eT7tG3B1hJ8Xn6Fyc4JyxsYU',
      randomString(48),
      randomString(32),
    ])
      expect(await codeChallenge(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });

  it('asks the hosted UI for a code with the challenge, the state and the scopes', () => {
    const url = new URL(
      authorizeUrl(
        {
          domain: 'https://bassin.auth.eu-west-3.amazoncognito.com',
          clientId: 'abc',
          scopes: ['openid', 'bassin/planner'],
        },
        'https://d1.cloudfront.net/',
        'CHALLENGE',
        'STATE',
      ),
    );
    expect(url.origin + url.pathname).toBe(
      'https://bassin.auth.eu-west-3.amazoncognito.com/oauth2/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'abc',
      redirect_uri: 'https://d1.cloudfront.net/',
      scope: 'openid bassin/planner',
      code_challenge_method: 'S256',
      code_challenge: 'CHALLENGE',
      state: 'STATE',
    });
  });

  it('makes URL-safe random verifiers and reads groups from an access token', () => {
    const verifier = randomString(48);
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(randomString(48)).not.toBe(verifier);
    const payload = Buffer.from(JSON.stringify({ 'cognito:groups': ['planner'] })).toString('base64url');
    expect(groupsOf(`h.${payload}.s`)).toEqual(['planner']);
  });
});
