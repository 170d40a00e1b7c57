/**
 * The web app on the API's origin (`npm start`), as CloudFront serves it in AWS: files of
 * web/dist, `index.html` for any other page path (a single-page app), API paths left to
 * the route table. Nothing is served when the app was not built.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const apiPaths = /^\/(v1|dev)(\/|$)|^\/(health|openapi\.json)$/;

/** Same headers as the CloudFront response headers policy (infra/web-hosting.ts). */
export const webSecurityHeaders = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; connect-src 'self' https:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export function webFiles(folder: string) {
  const root = resolve(folder);
  return async (request: IncomingMessage, response: ServerResponse): Promise<boolean> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (apiPaths.test(path)) return false;
    const wanted = join(root, path);
    // Inside the folder, not merely a path starting like it (`dist-ssr` next to `dist`).
    const inside = relative(root, wanted);
    if (inside.startsWith('..') || isAbsolute(inside)) return false;
    const file = (await isFile(wanted)) ? wanted : join(root, 'index.html');
    if (!(await isFile(file))) return false;
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      ...webSecurityHeaders,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
