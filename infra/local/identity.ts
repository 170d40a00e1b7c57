import { randomUUID, type webcrypto } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { Group } from '../../shared/http/route-contract';
import { scopeOf } from '../../shared/http/scopes';

export const localIssuer = 'https://bassin.localhost/dev';
export const localAudience = 'bassin-local-client';

export interface TokenRequest {
  sub: string;
  groups: Group[];
  ttlSeconds?: number;
}

/**
 * The local runtime's identity provider: RS256 tokens shaped like Cognito access tokens
 * (`sub`, `cognito:groups`, `token_use`, `client_id`), signed by a key kept in the data
 * directory, verified with aws-jwt-verify exactly as strictly as a real issuer's.
 */
export class DevIdentity {
  private constructor(
    private readonly privateKey: webcrypto.CryptoKey,
    private readonly publicJwk: JWK,
    private readonly verifier: ReturnType<typeof createVerifier>,
  ) {}

  static async load(dataDir: string | undefined): Promise<DevIdentity> {
    const file = dataDir && join(dataDir, 'dev-signing-key.json');
    let privateJwk: JWK | undefined;
    if (file) privateJwk = await readFile(file, 'utf8').then(JSON.parse, () => undefined);
    if (!privateJwk) {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
      privateJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
      if (file) await writeFile(file, JSON.stringify(privateJwk), { mode: 0o600 });
    }
    const { kty, n, e, kid } = privateJwk;
    const publicJwk: JWK = { kty, n, e, kid, alg: 'RS256', use: 'sig' };
    const verifier = createVerifier();
    verifier.cacheJwks({ keys: [publicJwk as never] });
    return new DevIdentity(
      (await importJWK(privateJwk, 'RS256')) as webcrypto.CryptoKey,
      publicJwk,
      verifier,
    );
  }

  jwks() {
    return { keys: [this.publicJwk] };
  }

  async issue({ sub, groups, ttlSeconds = 3600 }: TokenRequest): Promise<string> {
    return new SignJWT({
      'cognito:groups': groups,
      token_use: 'access',
      client_id: localAudience,
      username: sub,
      // What the Cognito pre-token trigger puts in real tokens: the scopes of the user's groups.
      scope: groups.map(scopeOf).join(' '),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid as string, typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(localIssuer)
      .setAudience(localAudience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${ttlSeconds}s`)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  /** The verified payload; throws on any defect (signature, alg, iss, aud, exp missing or past, nbf, token_use). */
  verify(token: string): Promise<Record<string, unknown>> {
    return this.verifier.verify(token) as Promise<Record<string, unknown>>;
  }
}

function createVerifier() {
  return JwtRsaVerifier.create({
    issuer: localIssuer,
    audience: localAudience,
    jwksUri: `${localIssuer}/jwks.json`,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'access') throw new Error('not an access token');
      // aws-jwt-verify checks `exp` only when present; Cognito always sets it, so must a token here.
      if (typeof payload.exp !== 'number') throw new Error('a token must expire');
    },
  });
}

/**
 * What API Gateway's JWT authorizer hands the function: every claim as a string, arrays
 * flattened to "[a b]" (which is why the functions parse `cognito:groups`).
 */
export function apiGatewayClaims(
  payload: Record<string, unknown>,
): Record<string, string | number | boolean> {
  const claims: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[name] = `[${value.join(' ')}]`;
    else if (typeof value === 'object' && value !== null) claims[name] = JSON.stringify(value);
    else if (value !== undefined && value !== null) claims[name] = String(value);
  }
  return claims;
}
