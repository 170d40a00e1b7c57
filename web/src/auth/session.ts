/**
 * Who is signed in, kept in sessionStorage (never in a URL, never logged): the access token,
 * when it expires, the refresh token when the sign-in gave one, and the role chosen.
 */
export type Role = 'employer' | 'seeker' | 'planner';

export interface Session {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken?: string;
  name: string;
  role: Role;
}

const key = 'bassin.session';
const listeners = new Set<(session: Session | undefined) => void>();

export function currentSession(storage: Storage = sessionStorage): Session | undefined {
  const raw = storage.getItem(key);
  return raw ? (JSON.parse(raw) as Session) : undefined;
}

export function saveSession(session: Session | undefined, storage: Storage = sessionStorage) {
  if (session) storage.setItem(key, JSON.stringify(session));
  else storage.removeItem(key);
  for (const listener of listeners) listener(session);
}

/** Called when the session changes (sign-in, refresh, sign-out); returns the unsubscribe. */
export function onSessionChange(listener: (session: Session | undefined) => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Groups of an access token (Cognito puts them in `cognito:groups`); the API verifies the token. */
export function groupsOf(token: string): string[] {
  const payload = token.split('.')[1] ?? '';
  const json = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as Record<string, unknown>;
  return (json['cognito:groups'] as string[] | undefined) ?? [];
}

/** The page to come back to after signing in (an SMS link to an offer, for instance). */
const returnKey = 'bassin.returnTo';
export const rememberReturn = (path: string, storage: Storage = sessionStorage) =>
  storage.setItem(returnKey, path);
export function takeReturn(storage: Storage = sessionStorage): string | undefined {
  const path = storage.getItem(returnKey) ?? undefined;
  storage.removeItem(returnKey);
  return path?.startsWith('/') && !path.startsWith('//') ? path : undefined;
}

/** Local names become token subjects: "Léa Pau" → "lea-pau". */
export const subjectOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[^\w.@:-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64) || 'invite';
