/**
 * Sign-in in AWS: Cognito's hosted pages with the authorization code flow and PKCE, through
 * oauth4webapi (a certified OAuth 2 / OpenID Connect client). It checks the state, turns
 * the `?error=` answer into a message, trades the code for tokens (the ID token's issuer,
 * audience and expiry are checked), refreshes the access token before it expires, and
 * signs out of Cognito too. Free of the DOM's globals so it is unit-tested as it is.
 */
import * as oauth from 'oauth4webapi';

export interface SignInConfig {
  /** The hosted UI, e.g. https://bassin-x.auth.eu-west-3.amazoncognito.com */
  domain: string;
  /** The user pool's issuer, https://cognito-idp.<region>.amazonaws.com/<pool id> */
  issuer: string;
  clientId: string;
  scopes: string[];
}

export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

const pendingKey = 'bassin.oauth';

const server = (config: SignInConfig): oauth.AuthorizationServer => ({
  issuer: config.issuer,
  authorization_endpoint: `${config.domain}/oauth2/authorize`,
  token_endpoint: `${config.domain}/oauth2/token`,
});
const client = (config: SignInConfig): oauth.Client => ({ client_id: config.clientId });
const options = (fetchImpl?: FetchLike) =>
  fetchImpl ? { [oauth.customFetch]: (url: string, init: RequestInit) => fetchImpl(url, init) } : {};

/** Where to send the browser to sign in; the verifier and state wait in `storage`. */
export async function signInUrl(
  config: SignInConfig,
  redirectUri: string,
  storage: Storage,
): Promise<string> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  storage.setItem(pendingKey, JSON.stringify({ verifier, state }));
  const url = new URL(server(config).authorization_endpoint as string);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: config.scopes.join(' '),
    code_challenge_method: 'S256',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    state,
  }).toString();
  return url.href;
}

export class SignInError extends Error {}

/**
 * Back from the hosted pages: undefined when the URL carries no answer; tokens for a code;
 * a SignInError in French for `?error=`, a wrong state or a refused code.
 */
export async function finishSignIn(
  config: SignInConfig,
  currentUrl: URL,
  redirectUri: string,
  storage: Storage,
  fetchImpl?: FetchLike,
): Promise<Tokens | undefined> {
  if (!currentUrl.searchParams.has('code') && !currentUrl.searchParams.has('error')) return undefined;
  const pending = JSON.parse(storage.getItem(pendingKey) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  storage.removeItem(pendingKey);
  if (!pending) throw new SignInError('La connexion a expiré : recommencez.');
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(server(config), client(config), currentUrl, pending.state);
  } catch (error) {
    if (error instanceof oauth.AuthorizationResponseError)
      throw new SignInError(
        error.error === 'access_denied'
          ? 'Connexion refusée.'
          : `La connexion n’a pas abouti (${error.error_description ?? error.error}).`,
      );
    throw new SignInError('La connexion n’a pas pu être vérifiée : recommencez.');
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      server(config),
      client(config),
      oauth.None(),
      params,
      redirectUri,
      pending.verifier,
      options(fetchImpl),
    );
    return tokensOf(await oauth.processAuthorizationCodeResponse(server(config), client(config), response));
  } catch {
    throw new SignInError('La connexion n’a pas pu être terminée : recommencez.');
  }
}

/** A new access token from the refresh token (Cognito keeps the same refresh token). */
export async function refreshTokens(config: SignInConfig, refreshToken: string, fetchImpl?: FetchLike) {
  const response = await oauth.refreshTokenGrantRequest(
    server(config),
    client(config),
    oauth.None(),
    refreshToken,
    options(fetchImpl),
  );
  const tokens = tokensOf(await oauth.processRefreshTokenResponse(server(config), client(config), response));
  return { ...tokens, refreshToken: tokens.refreshToken ?? refreshToken };
}

/** Cognito's logout page ends its session too, then comes back to `redirectUri` (one of the logout URLs). */
export function signOutUrl(config: SignInConfig, redirectUri: string): string {
  const url = new URL(`${config.domain}/logout`);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: redirectUri }).toString();
  return url.href;
}

const tokensOf = (answer: oauth.TokenEndpointResponse, now = Date.now()): Tokens => ({
  accessToken: answer.access_token,
  ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
  expiresAt: now + (answer.expires_in ?? 3600) * 1000,
});
