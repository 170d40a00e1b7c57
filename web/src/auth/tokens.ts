/** The access token for the next request: refreshed a minute before it expires when a refresh token exists. */
import { refreshTokens } from './cognito';
import { loadRuntimeConfig } from './config';
import { currentSession, saveSession } from './session';

let refreshing: Promise<string | undefined> | undefined;

export async function accessToken(): Promise<string | undefined> {
  const session = currentSession();
  if (!session) return undefined;
  if (session.expiresAt - 60_000 > Date.now() || !session.refreshToken) return session.token;
  refreshing ??= (async () => {
    const config = (await loadRuntimeConfig())?.signIn;
    if (!config || !session.refreshToken) return session.token;
    try {
      const tokens = await refreshTokens(config, session.refreshToken);
      saveSession({
        ...session,
        token: tokens.accessToken,
        expiresAt: tokens.expiresAt,
        refreshToken: tokens.refreshToken,
      });
      return tokens.accessToken;
    } catch {
      // The refresh token expired or was revoked: sign in again.
      saveSession(undefined);
      return undefined;
    }
  })().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}
