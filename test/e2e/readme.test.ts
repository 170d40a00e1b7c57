import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime';

const local = useLocalRuntime();

describe('README', () => {
  it('starts with the two commands', async () => {
    const readme = await readFile('README.md', 'utf8');
    const head = readme.split('\n').slice(0, 6).join('\n');
    expect(head).toContain('npm ci && npm start');
    expect(head).toContain('npm test');
  });

  it('curl examples work as written (against the local runtime)', async () => {
    const readme = await readFile('README.md', 'utf8');
    const block = /<!-- readme-examples:start -->\s*```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const script = `set -euo pipefail\n${(block ?? '').replaceAll('http://localhost:3000', local.runtime.url)}`;
    const { stdout } = await promisify(execFile)('bash', ['-c', script]);
    expect(stdout).toContain('HTTP/1.1 201 Created');
    expect(stdout).toContain('"status":"closed"');
    expect(stdout).toContain('"home":{"commune":"64445"}');
    expect(stdout).toContain('"response":"accepted"');
    expect(stdout).toContain('"contact":{"channel":"sms","phone":"+33612345678"}');
    expect(stdout).toContain('"text":"Même métier : Soudeur / Soudeuse"');
    expect(stdout).toContain(
      '"labels":{"sector":"Aéronautique et spatial","occupation":"Soudeur / Soudeuse"',
    );
    expect(stdout).toContain('"label":"Lecture de plan, de schéma"');
    expect(stdout).toContain('{"items":[]}');
    expect(stdout).toContain('"field":"body.site.commune"');
    expect(stdout).toContain('{"field":"body.owner","detail":"Champ inconnu"}');
    // This month's row: 1 vacancy posted (3 openings after the PATCH) and closed, which offered
    // and got its first acceptance; the seeker, their match, its offer and its acceptance are
    // counts of 1 person: not published (nor the ratios made from them).
    expect(stdout).toContain(
      `${new Date().toISOString().slice(0, 7)},1,3,0,1,0,,,,,,,1,1,0,,,seekers_active matches_new matches_accepted offers_sent offers_answered offers_accepted`,
    );
  });
});
