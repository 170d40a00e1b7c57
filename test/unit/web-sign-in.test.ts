import { describe, expect, it } from 'vitest';
import {
  finishSignIn,
  refreshTokens,
  type SignInConfig,
  SignInError,
  signInUrl,
  signOutUrl,
} from '../../web/src/auth/cognito';
import { subjectOf } from '../../web/src/auth/session';

/** The web app's Cognito sign-in (oauth4webapi) against a token endpoint played by a fake fetch. */
const config: SignInConfig = {
  domain: 'https://bassin.auth.eu-west-3.amazoncognito.com',
  issuer: 'https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_abc',
  clientId: 'client-1',
  scopes: ['openid', 'bassin/seeker'],
};
const redirect = 'https://d1.cloudfront.net/';

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const tokenAnswer = (body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('sign-in with Cognito through oauth4webapi', () => {
  it('sends the browser to the hosted pages with PKCE (S256), the state and the scopes', async () => {
    const storage = memoryStorage();
    const url = new URL(await signInUrl(config, redirect, storage));
    expect(url.origin + url.pathname).toBe(`${config.domain}/oauth2/authorize`);
    const query = Object.fromEntries(url.searchParams);
    expect(query).toMatchObject({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: redirect,
      scope: 'openid bassin/seeker',
      code_challenge_method: 'S256',
    });
    const pending = JSON.parse(storage.getItem('bassin.oauth') ?? '{}');
    expect(query.state).toBe(pending.state);
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier)),
    );
    expect(query.code_challenge).toBe(Buffer.from(digest).toString('base64url'));
  });

  it('trades the code for tokens with the verifier, and keeps the refresh token', async () => {
    const storage = memoryStorage();
    const state = new URL(await signInUrl(config, redirect, storage)).searchParams.get('state');
    const { verifier } = JSON.parse(storage.getItem('bassin.oauth') ?? '{}');
    const sent: URLSearchParams[] = [];
    const tokens = await finishSignIn(
      config,
      new URL(`${redirect}?code=THE-CODE&state=${state}`),
      redirect,
      storage,
      async (url, init) => {
        expect(url).toBe(`${config.domain}/oauth2/token`);
        sent.push(new URLSearchParams(String(init.body)));
        return tokenAnswer({
          access_token: 'ACCESS',
          refresh_token: 'REFRESH',
          token_type: 'Bearer',
          expires_in: 3600,
        });
      },
    );
    expect(Object.fromEntries(sent[0] ?? [])).toMatchObject({
      grant_type: 'authorization_code',
      code: 'THE-CODE',
      code_verifier: verifier,
      redirect_uri: redirect,
      client_id: 'client-1',
    });
    expect(tokens).toMatchObject({ accessToken: 'ACCESS', refreshToken: 'REFRESH' });
    expect(tokens?.expiresAt).toBeGreaterThan(Date.now() + 3500_000);
    expect(storage.getItem('bassin.oauth')).toBeNull();
  });

  it('turns ?error=, a wrong state and a missing pending sign-in into French messages; no code means nothing to do', async () => {
    const storage = memoryStorage();
    expect(await finishSignIn(config, new URL(redirect), redirect, storage)).toBeUndefined();
    const state = new URL(await signInUrl(config, redirect, storage)).searchParams.get('state');
    await expect(
      finishSignIn(config, new URL(`${redirect}?error=access_denied&state=${state}`), redirect, storage),
    ).rejects.toThrow(new SignInError('Connexion refusée.'));
    await signInUrl(config, redirect, storage);
    await expect(
      finishSignIn(config, new URL(`${redirect}?code=X&state=not-mine`), redirect, storage),
    ).rejects.toBeInstanceOf(SignInError);
    await expect(
      finishSignIn(config, new URL(`${redirect}?code=X&state=Y`), redirect, storage),
    ).rejects.toThrow('La connexion a expiré : recommencez.');
  });

  it('refreshes the access token with the refresh token, which Cognito keeps', async () => {
    const tokens = await refreshTokens(config, 'REFRESH', async (_, init) => {
      expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toMatchObject({
        grant_type: 'refresh_token',
        refresh_token: 'REFRESH',
        client_id: 'client-1',
      });
      return tokenAnswer({ access_token: 'NEW', token_type: 'Bearer', expires_in: 3600 });
    });
    expect(tokens).toMatchObject({ accessToken: 'NEW', refreshToken: 'REFRESH' });
  });

  it('signs out of Cognito too, coming back to the app', () => {
    const url = new URL(signOutUrl(config, redirect));
    expect(url.origin + url.pathname).toBe(`${config.domain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'client-1', logout_uri: redirect });
  });

  it('makes local subjects from names without accents', () => {
    expect(subjectOf('Léa Pau')).toBe('lea-pau');
    expect(subjectOf('  Aéro Lescar ')).toBe('aero-lescar');
    expect(subjectOf('***')).toBe('invite');
  });
});
