import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/** Every npm script that runs a TypeScript entry with tsx: the project's own commands. */
const scripts = Object.entries(
  JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>,
).flatMap(([name, line]) => {
  const entry = /\btsx (\S+\.ts)\b/.exec(line)?.[1];
  return entry ? [{ name, entry }] : [];
});

const run = (entry: string, args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', entry, ...args], {
    env: { ...process.env, BASSIN_DATA_DIR: '/nonexistent/never-touched' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('every command answers --help, and an unknown option with its usage', () => {
  it('finds the commands', () => {
    expect(scripts.map((s) => s.name)).toEqual(
      expect.arrayContaining(['start', 'seed', 'bench:match', 'bench:planning', 'reference:build']),
    );
  });

  for (const { name, entry } of scripts) {
    it(`npm run ${name}`, async () => {
      const [help, unknown] = await Promise.all([run(entry, ['--help']), run(entry, ['--no-such-option'])]);
      expect(help.code, help.stderr).toBe(0);
      expect(help.stdout).toContain(name === 'start' ? 'npm start' : `npm run ${name}`);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain("Unknown option '--no-such-option'");
      expect(unknown.stderr).toContain(name === 'start' ? 'npm start' : `npm run ${name}`);
      expect(unknown.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }, 60_000);
  }
});
