import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webFiles } from '../../infra/local/web-files';

let base: string;
let close: () => void;
beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'web-files-'));
  await mkdir(join(folder, 'dist', 'assets'), { recursive: true });
  await mkdir(join(folder, 'dist-ssr'));
  await writeFile(join(folder, 'dist', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(folder, 'dist', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(folder, 'dist-ssr', 'secret.txt'), 'not for the web');
  await writeFile(join(folder, 'secret.txt'), 'not for the web either');
  const serve = webFiles(join(folder, 'dist'));
  const server = createServer(async (request, response) => {
    if (!(await serve(request, response))) response.writeHead(404).end();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('the web app file server', () => {
  it('serves files of its folder and index.html for other pages', async () => {
    expect(await (await fetch(`${base}/assets/app.js`)).text()).toBe('console.log(1)');
    expect(await (await fetch(`${base}/planner`)).text()).toContain('<title>app</title>');
  });

  it('serves nothing outside its folder, a sibling whose name starts the same included', async () => {
    for (const path of ['/..%2fdist-ssr%2fsecret.txt', '/..%2fsecret.txt', '/%2e%2e/dist-ssr/secret.txt']) {
      const answer = await fetch(`${base}${path}`);
      expect(await answer.text(), path).not.toContain('not for the web');
    }
  });
});
