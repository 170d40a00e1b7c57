import { createHash } from 'node:crypto';

/** A device's stable id from its push token, without keeping the token itself as a key. */
export const deviceIdOf = (token: string) =>
  createHash('sha256').update(token).digest('base64url').slice(0, 16);
