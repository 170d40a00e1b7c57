import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bundleBudgetBytes,
  bundleName,
  bundlesAboveBudget,
  functionEntries,
  inputsOf,
  metafileName,
} from '../../infra/bundles';

let out: string;

describe('npx cdk synth', () => {
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'cdk-out-'));
    const env: NodeJS.ProcessEnv = { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1' };
    for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
    env.AWS_EC2_METADATA_DISABLED = 'true';
    await promisify(execFile)('npx', ['cdk', 'synth', '--no-notices', '--quiet', '--output', out], { env });
  }, 540_000); // a hang guard only: a shared 2-core machine can take minutes of wall time for 25 s of CPU

  it('works offline, without credentials, bundling every function with the local esbuild', async () => {
    const template = JSON.parse(await readFile(join(out, 'Bassin.template.json'), 'utf8'));
    const functions = Object.values(template.Resources as Record<string, { Type: string }>).filter(
      (r) => r.Type === 'AWS::Lambda::Function',
    );
    expect(functions.length).toBeGreaterThan(10);
  });

  it('keeps every bundle within its budget, and what a few functions need with them', async () => {
    const entries = functionEntries(process.cwd());
    const bundles = join(out, '.bundles');
    const metafile = JSON.parse(await readFile(join(bundles, metafileName), 'utf8')) as Metafile;
    const sizes = await Promise.all(
      entries.map(async (entry) => (await stat(join(bundles, bundleName(entry), 'index.mjs'))).size),
    );
    const above = entries.filter((_, i) => (sizes[i] ?? 0) > bundleBudgetBytes).map(bundleName);
    expect(above.filter((name) => !bundlesAboveBudget[name])).toEqual([]);
    // A name on the list that no longer needs to be there is taken off.
    expect(Object.keys(bundlesAboveBudget).filter((name) => !above.includes(name))).toEqual([]);

    const carrying = (what: string) =>
      entries
        .filter((entry) => inputsOf(metafile, entry).some((input) => input.includes(what)))
        .map(bundleName);
    expect(carrying('libphonenumber-js')).toEqual(['seekers-put-me', 'system-openapi']);
    expect(carrying('@aws-lambda-powertools/idempotency')).toEqual(['vacancies-duplicate', 'vacancies-post']);
    expect(carrying('aws-xray-sdk-core')).toEqual([]);
    expect(carrying('@aws-lambda-powertools/tracer')).toEqual([]);
    // Amazon Location's client is a file beside the bundles that may compute a route, in none of them.
    expect(carrying('@aws-sdk/client-geo-routes')).toEqual([]);
    const beside = async (name: string, file: string) =>
      stat(join(bundles, name, file)).then(
        () => true,
        () => false,
      );
    expect(await beside('reference-commute', 'geo-routes.mjs')).toBe(true);
    expect(await beside('planning-catchment', 'geo-routes.mjs')).toBe(true);
    expect(await beside('vacancies-close', 'geo-routes.mjs')).toBe(false);
    // The phone metadata is a table beside the one bundle that reads phone numbers.
    expect(await beside('seekers-put-me', 'data/mobile-phones.json')).toBe(true);
    expect(await beside('seekers-get-me', 'data/mobile-phones.json')).toBe(false);
    // health uses no table: without idempotency it carries no DynamoDB client either.
    expect(carrying('@aws-sdk/client-dynamodb')).not.toContain('system-health');
  });

  it('builds in each function only the schemas it reads or answers, none of the other routes’', async () => {
    const bundles = join(out, '.bundles');
    const codes = new Map(
      await Promise.all(
        functionEntries(process.cwd()).map(
          async (entry) =>
            [
              bundleName(entry),
              await readFile(join(bundles, bundleName(entry), 'index.mjs'), 'utf8'),
            ] as const,
        ),
      ),
    );
    // A named schema's id is in a bundle only if that bundle builds the schema.
    const building = (id: string) =>
      [...codes].filter(([, code]) => code.includes(`"${id}"`)).map(([name]) => name);
    expect(building('VacancyPatch')).toEqual(['system-openapi', 'vacancies-patch']);
    expect(building('SeekerProfileInput')).toEqual(['seekers-put-me', 'system-openapi']);
    expect(building('Candidate')).toEqual(['matches-list-candidates', 'system-openapi']);
    expect(building('SeekerOffer')).toEqual(['matches-get-mine', 'system-openapi']);
  });
});
