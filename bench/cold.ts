/**
 * `npm run bench:cold -- --runs 11 --out bench/results/cold.json`
 *
 * Bundles every function exactly as CDK does (infra/bundles.ts) plus a bare bundle of
 * @middy/core + @aws-sdk/lib-dynamodb (the least any of our functions carries), then, for
 * each, imports the bundle in a fresh Node process `--runs` times and records the CPU time
 * of that import (parse, compile, top-level code): the part of a Lambda cold start that the
 * code decides. Reports bundle bytes and the median CPU ms, each against the bare bundle.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { buildSync, type Metafile } from 'esbuild';
import { bundleAll, bundleName, bundleOptions, functionEntries } from '../infra/bundles';
import { commandLine } from '../infra/cli';
import { routes } from '../infra/routes';

const cli = commandLine({
  command: 'npm run bench:cold --',
  summary:
    'Bundles every function as CDK does and measures its size and the CPU time of importing it in a\n' +
    'fresh Node process (median of --runs), against a bare @middy/core + @aws-sdk/lib-dynamodb bundle.',
  options: {
    runs: {
      type: 'string',
      value: 'N',
      default: '11',
      description: 'Imports per bundle (the median is kept).',
    },
    only: { type: 'string', value: 'TEXT', description: 'Only functions whose entry contains TEXT.' },
    analyze: {
      type: 'boolean',
      description:
        'Also print, per bundle, the packages (and our folders) that weigh most in it (esbuild metafile).',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'Write the results as JSON, e.g. bench/results/cold.json.',
    },
  },
  examples: [
    'npm run bench:cold -- --out bench/results/cold.json',
    'npm run bench:cold -- --only planning --runs 5',
    'npm run bench:cold -- --only system/health --runs 1 --analyze',
  ],
});
const runs = cli.integer('runs', 1, 101);
const root = process.cwd();
const out = mkdtempSync(join(tmpdir(), 'bassin-cold-'));

const entries = functionEntries(root).filter((entry) => !cli.values.only || entry.includes(cli.values.only));
const bundles = bundleAll(root, entries, out);
if (cli.values.analyze) printHeaviest(bundles.metafile);
const bareDir = join(out, 'bare');
buildSync({
  ...bundleOptions,
  absWorkingDir: root,
  stdin: {
    contents: [
      "import middy from '@middy/core';",
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      "export const handler = middy().handler(() => doc.send(new GetCommand({ TableName: 't', Key: { PK: 'x' } })));",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  outfile: join(bareDir, 'index.mjs'),
});

/** CPU ms of one import of the bundle, in a new process with a Lambda-like environment. */
async function importCpuMs(file: string): Promise<number> {
  const script = `const t = process.cpuUsage(); await import(${JSON.stringify(pathToFileURL(file).href)}); const u = process.cpuUsage(t); process.stdout.write(String((u.user + u.system) / 1000));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'eu-west-3',
      TABLE_NAME: 'bassin',
      POWERTOOLS_SERVICE_NAME: 'bassin',
      NODE_OPTIONS: '',
    },
  });
  return Number(stdout);
}

/** Per bundle, the ten heaviest packages (node_modules/<package>) and folders of ours, in KB. */
function printHeaviest(metafile: Metafile) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!file.endsWith('.mjs')) continue;
    const weights = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const owner =
        input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 2).join('/');
      weights.set(owner, (weights.get(owner) ?? 0) + bytesInOutput);
    }
    const heaviest = [...weights].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(`${relative(out, file)}: ${Math.round(output.bytes / 1024)} KB`);
    for (const [owner, bytes] of heaviest)
      console.log(`  ${String(Math.round(bytes / 1024)).padStart(5)} KB  ${owner}`);
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/**
 * The bundle's median import CPU and, measured in the same rounds (one bare import before each
 * of its own), the bare bundle's: on a shared machine the load changes during a run, and a
 * ratio of figures taken minutes apart would measure the load, not the bundle.
 */
async function measure(dir: string) {
  const file = join(dir, 'index.mjs');
  const samples: number[] = [];
  const bareSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    bareSamples.push(await importCpuMs(join(bareDir, 'index.mjs')));
    samples.push(await importCpuMs(file));
  }
  return {
    bytes: statSync(file).size,
    coldImportCpuMs: Math.round(median(samples) * 10) / 10,
    bareCpuMs: median(bareSamples),
  };
}

const httpEntries = new Set(routes.map((route) => route.entry));
const loadAtStart = loadavg().map((load) => Math.round(load * 100) / 100);
const bareAlone = await measure(bareDir);
const bare = { bytes: bareAlone.bytes, coldImportCpuMs: bareAlone.coldImportCpuMs };
const functions: {
  name: string;
  entry: string;
  kind: 'http' | 'background';
  bytes: number;
  coldImportCpuMs: number;
  /** The bare bundle's median in the same rounds: the ratio's denominator. */
  bareCpuMs: number;
  /** Reference tables shipped beside the bundle, read at first use (not in `bytes`). */
  tables: string[];
  /** Modules shipped beside the bundle, imported only when needed (e.g. the X-Ray tracer, in Lambda); not in `bytes`. */
  lazyModules: string[];
  bytesRatio: number;
  cpuRatio: number;
}[] = [];
// Two at a time: one per core; each figure is the CPU time of its own process.
const queue = [...entries];
await Promise.all(
  [0, 1].map(async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const { bytes, coldImportCpuMs, bareCpuMs } = await measure(bundles.dirOf(entry));
      functions.push({
        name: bundleName(entry),
        entry,
        kind: httpEntries.has(entry) ? 'http' : 'background',
        bytes,
        coldImportCpuMs,
        bareCpuMs: Math.round(bareCpuMs * 10) / 10,
        tables: bundles.tablesOf(entry),
        lazyModules: bundles.lazyModulesOf(entry),
        bytesRatio: Math.round((bytes / bare.bytes) * 10) / 10,
        cpuRatio: Math.round((coldImportCpuMs / bareCpuMs) * 100) / 100,
      });
      process.stderr.write(`\r${functions.length}/${entries.length} bundles measured`);
    }
  }),
);
process.stderr.write('\n');
functions.sort((a, b) => b.cpuRatio - a.cpuRatio);

const result = {
  runs,
  bare: { what: '@middy/core + @aws-sdk/lib-dynamodb (DynamoDBDocumentClient, one GetCommand)', ...bare },
  worstHttpCpuRatio: Math.max(0, ...functions.filter((f) => f.kind === 'http').map((f) => f.cpuRatio)),
  worstCpuRatio: Math.max(0, ...functions.map((f) => f.cpuRatio)),
  largestBytes: Math.max(0, ...functions.map((f) => f.bytes)),
  functions,
  machine: `${process.platform} ${process.arch}, Node ${process.version}`,
  /** 1/5/15-minute load averages at the start and the end: the machine may be shared. */
  load: { start: loadAtStart, end: loadavg().map((load) => Math.round(load * 100) / 100) },
};
console.table(
  Object.fromEntries(
    [{ name: 'bare', kind: '', ...bare, bytesRatio: 1, cpuRatio: 1 }, ...functions].map((f) => [
      f.name,
      { kind: f.kind, KB: Math.round(f.bytes / 1024), 'cpu ms': f.coldImportCpuMs, '× bare': f.cpuRatio },
    ]),
  ),
);
if (cli.values.out) writeFileSync(cli.values.out, `${JSON.stringify(result, null, 2)}\n`);
rmSync(out, { recursive: true, force: true });
