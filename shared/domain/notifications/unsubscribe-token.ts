import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-click unsubscribe tokens carried in every message: the seeker id and an HMAC of it,
 * so the link works without signing in and cannot be forged for someone else.
 */
export function unsubscribeToken(seekerId: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(`unsubscribe:${seekerId}`).digest('base64url').slice(0, 32);
  return `${Buffer.from(seekerId).toString('base64url')}.${mac}`;
}

export function seekerOfUnsubscribeToken(token: string, secret: string): string | undefined {
  const [encoded, mac] = token.split('.');
  if (!encoded || !mac) return undefined;
  const seekerId = Buffer.from(encoded, 'base64url').toString('utf8');
  const expected = unsubscribeToken(seekerId, secret).split('.')[1] ?? '';
  if (expected.length !== mac.length) return undefined;
  return timingSafeEqual(Buffer.from(expected), Buffer.from(mac)) ? seekerId : undefined;
}
