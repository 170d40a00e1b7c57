/** The API on the same origin. The token lives in sessionStorage: never in a URL, never logged. */
export interface Problem {
  status: number;
  title: string;
  detail: string;
  errors?: { field: string; detail: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

const tokenKey = 'bassin.session';

export interface Session {
  token: string;
  name: string;
  role: 'employer' | 'seeker' | 'planner';
}

export const currentSession = (): Session | undefined => {
  const raw = sessionStorage.getItem(tokenKey);
  return raw ? (JSON.parse(raw) as Session) : undefined;
};
export const saveSession = (session: Session | undefined) =>
  session ? sessionStorage.setItem(tokenKey, JSON.stringify(session)) : sessionStorage.removeItem(tokenKey);

async function send(
  method: string,
  path: string,
  init: { body?: unknown; accept?: string; headers?: Record<string, string> } = {},
) {
  const session = currentSession();
  const response = await fetch(path, {
    method,
    headers: {
      // The app is French: reasons and errors in French, whatever the browser's own language.
      'accept-language': 'fr',
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.accept ? { accept: init.accept } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (!response.ok) {
    const text = await response.text();
    let problem: Problem = { status: response.status, title: response.statusText, detail: text };
    try {
      problem = JSON.parse(text) as Problem;
    } catch {
      // not problem+json: keep the text
    }
    throw new ApiError(problem);
  }
  return response;
}

export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  const response = await send(method, path, { body, headers: headers ?? {} });
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The same route as CSV, saved as a file. */
export async function downloadCsv(path: string, filename: string) {
  const response = await send('GET', path, { accept: 'text/csv' });
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** Local sign-in (`npm start` only): a token from /dev/token for a name and a role. */
export async function devSignIn(name: string, role: Session['role']): Promise<Session> {
  const sub =
    name
      .trim()
      .toLowerCase()
      .replace(/[^\w.@:-]+/g, '-')
      .slice(0, 64) || 'guest';
  const { token } = await api<{ token: string }>('POST', '/dev/token', { sub, groups: [role] });
  const session = { token, name: name.trim(), role };
  saveSession(session);
  return session;
}
