/** PKCE (RFC 7636) and token helpers, free of the DOM so they are unit-tested as they are. */
export interface SignInConfig {
  domain: string;
  clientId: string;
  scopes: string[];
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** S256 code challenge of a verifier. */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export const randomString = (bytes = 32) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

export function authorizeUrl(
  config: SignInConfig,
  redirectUri: string,
  challenge: string,
  state: string,
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri,
    scope: config.scopes.join(' '),
    code_challenge_method: 'S256',
    code_challenge: challenge,
    state,
  });
  return `${config.domain}/oauth2/authorize?${query}`;
}

/** Groups of an access token (Cognito puts them in `cognito:groups`). */
export function groupsOf(token: string): string[] {
  const payload = token.split('.')[1] ?? '';
  const json = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as Record<string, unknown>;
  return (json['cognito:groups'] as string[] | undefined) ?? [];
}
