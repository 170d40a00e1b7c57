import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('npx cdk synth', () => {
  it('works offline, without credentials, bundling every function with the local esbuild', async () => {
    const out = await mkdtemp(join(tmpdir(), 'cdk-out-'));
    const env: NodeJS.ProcessEnv = { ...process.env, CDK_DISABLE_CLI_TELEMETRY: '1' };
    for (const name of Object.keys(env)) if (name.startsWith('AWS_')) delete env[name];
    env.AWS_EC2_METADATA_DISABLED = 'true';
    await promisify(execFile)('npx', ['cdk', 'synth', '--no-notices', '--quiet', '--output', out], { env });
    const template = JSON.parse(await readFile(join(out, 'Bassin.template.json'), 'utf8'));
    const functions = Object.values(template.Resources as Record<string, { Type: string }>).filter(
      (r) => r.Type === 'AWS::Lambda::Function',
    );
    expect(functions.length).toBeGreaterThan(10);
  }, 540_000); // a hang guard only: a shared 2-core machine can take minutes of wall time for 25 s of CPU
});
