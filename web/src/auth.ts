/**
 * Sign-in in AWS: the Cognito hosted UI with the authorization code flow and PKCE
 * (RFC 7636). The settings come from /config.json, written by CDK next to the app; with no
 * config (npm start) the app offers the local sign-in instead. The code and state leave
 * the address bar as soon as they are read; tokens stay in sessionStorage.
 */
import { authorizeUrl, codeChallenge, randomString, type SignInConfig } from './pkce';

export type { SignInConfig } from './pkce';
export { groupsOf } from './pkce';

const pendingKey = 'bassin.pkce';

export interface RuntimeConfig {
  signIn?: SignInConfig;
  /** Map tiles, e.g. https://tile.example.org/{z}/{x}/{y}.png; none by default (offline). */
  tileUrl?: string;
}

let runtimeConfig: Promise<RuntimeConfig | undefined> | undefined;

/** /config.json, written by CDK next to the app; absent with npm start (the SPA fallback answers HTML). */
export function loadRuntimeConfig(): Promise<RuntimeConfig | undefined> {
  runtimeConfig ??= fetch('/config.json')
    .then(async (response) =>
      response.ok && /json/.test(response.headers.get('content-type') ?? '')
        ? ((await response.json()) as RuntimeConfig)
        : undefined,
    )
    .catch(() => undefined);
  return runtimeConfig;
}

export const loadSignInConfig = async () => (await loadRuntimeConfig())?.signIn;

export async function startSignIn(config: SignInConfig, storage: Storage = sessionStorage) {
  const verifier = randomString(48);
  const state = randomString(16);
  storage.setItem(pendingKey, JSON.stringify({ verifier, state }));
  const redirectUri = `${location.origin}/`;
  location.assign(authorizeUrl(config, redirectUri, await codeChallenge(verifier), state));
}

/** Back from the hosted UI: checks the state, trades the code for tokens, cleans the URL. */
export async function finishSignIn(
  config: SignInConfig,
  storage: Storage = sessionStorage,
): Promise<string | undefined> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return undefined;
  history.replaceState(null, '', location.pathname);
  const pending = JSON.parse(storage.getItem(pendingKey) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  storage.removeItem(pendingKey);
  if (!pending || pending.state !== params.get('state'))
    throw new Error('sign-in state mismatch: start again');
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.clientId,
      code,
      redirect_uri: `${location.origin}/`,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
  return ((await response.json()) as { access_token: string }).access_token;
}
