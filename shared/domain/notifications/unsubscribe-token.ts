import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * One-click unsubscribe tokens carried in every message. The link works without signing in
 * and cannot be forged, and it is opaque: the seeker id is encrypted (AES-256-GCM, which
 * also authenticates it), so a message forwarded or logged tells nobody whose it was, and
 * two messages to the same person carry unrelated tokens.
 */
const version = 2;
const keyOf = (secret: string) =>
  Buffer.from(hkdfSync('sha256', secret, 'bassin', 'unsubscribe-token v2', 32));

export function unsubscribeToken(seekerId: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const sealed = Buffer.concat([cipher.update(seekerId, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(version), iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

export function seekerOfUnsubscribeToken(token: string, secret: string): string | undefined {
  if (token.includes('.')) return seekerOfLegacyToken(token, secret);
  const bytes = Buffer.from(token, 'base64url');
  // Only the exact token: base64url decoding skips stray characters, a token must not.
  if (bytes.toString('base64url') !== token) return undefined;
  if (bytes.length < 1 + 12 + 1 + 16 || bytes[0] !== version) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), bytes.subarray(1, 13));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(13, bytes.length - 16)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}

/** Links already sent before tokens were opaque (`base64url(id).hmac`) keep working; none are issued. */
function seekerOfLegacyToken(token: string, secret: string): string | undefined {
  const [encoded, mac] = token.split('.');
  if (!encoded || !mac) return undefined;
  const seekerId = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = createHmac('sha256', secret)
    .update(`unsubscribe:${seekerId}`)
    .digest('base64url')
    .slice(0, 32);
  if (expected.length !== mac.length) return undefined;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(mac)) ? seekerId : undefined;
}
