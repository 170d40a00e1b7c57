import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';

/**
 * Bundles of their own, imported by `import('./<name>')` only when needed, so the functions
 * that do not need them neither run nor parse them: the X-Ray tracer, only where tracing
 * is active (shared/adapters/powertools/observability.ts), and Amazon Location's Routes
 * client, only where travel times come from it (shared/adapters/dependencies.ts).
 */
const lazyModules: Record<string, string> = {
  'xray-tracer.mjs': 'shared/adapters/powertools/xray-tracer.mts',
  'geo-routes.mjs': 'shared/adapters/geo-routes.mts',
};

/**
 * How every function is bundled, in one place (CDK and `npm run bench:cold` use it):
 * ESM for Node 22, modules' ESM builds first (`module` before `main`) so esbuild can drop
 * what a function does not use, minified, with a source map file beside the bundle.
 * CommonJS dependencies that call `require` get one made from `import.meta.url`.
 */
export const bundleOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  mainFields: ['module', 'main'],
  conditions: ['module'],
  treeShaking: true,
  minify: true,
  // A linked map costs nothing at start unless Node is told to read it (--enable-source-maps).
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  // Modules loaded only in some conditions, each bundled once as a file of its own and
  // shipped beside the bundles that import it (`lazyModules`).
  external: Object.keys(lazyModules).map((file) => `./${file}`),
  logLevel: 'warning',
};

/**
 * The most a function's bundle (`index.mjs`, without the tables and lazy modules beside it)
 * may weigh: issue 14's budget, 800 KB (of 1,024 bytes, as `npm run bench:cold` prints them).
 */
export const bundleBudgetBytes = 800 * 1024;

/**
 * Bundles allowed above the budget, each with why its function needs what it carries (only
 * a reference lookup may). Empty: every function fits (test/infra/synth.test.ts holds it).
 */
export const bundlesAboveBudget: Record<string, string> = {};

/** A function's bundle name: its entry path without `functions/` and `.ts`, e.g. `vacancies-post`. */
export const bundleName = (entry: string) =>
  entry
    .replace(/^functions\//, '')
    .replace(/\.ts$/, '')
    .replaceAll('/', '-');

/** Every handler file under functions/ (each one is a Lambda entry). */
export function functionEntries(projectRoot: string): string[] {
  const root = resolve(projectRoot, 'functions');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => relative(projectRoot, join(root, file)))
    .sort();
}

/** Where the reference tables live (read at first use by shared/reference/table-file.ts). */
const tablesDir = 'shared/reference/data';

/**
 * Copies into `dir/data/` each reference table whose file name the bundle holds: a
 * `tableFile('communes.json')` call left after tree-shaking, so only the tables its code reads.
 * Returns their names.
 */
function shipTables(projectRoot: string, dir: string): string[] {
  const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
  const tables = readdirSync(resolve(projectRoot, tablesDir)).filter(
    (file) => file.endsWith('.json') && (code.includes(`"${file}"`) || code.includes(`'${file}'`)),
  );
  if (tables.length > 0) mkdirSync(join(dir, 'data'), { recursive: true });
  for (const file of tables) copyFileSync(resolve(projectRoot, tablesDir, file), join(dir, 'data', file));
  return tables;
}

/** Where the one run writes the lazy modules, before they are copied beside the bundles that import them. */
const lazyDir = '_lazy';

/** Copies beside the bundle each lazy module its code imports; returns their file names. */
function shipLazyModules(out: string, dir: string): string[] {
  const code = readFileSync(join(dir, 'index.mjs'), 'utf8');
  const shipped = Object.keys(lazyModules).filter((file) => code.includes(`"./${file}"`));
  for (const file of shipped) {
    copyFileSync(join(out, lazyDir, file), join(dir, file));
    copyFileSync(join(out, lazyDir, `${file}.map`), join(dir, `${file}.map`));
  }
  return shipped;
}

/** The esbuild metafile of the run, written beside the bundles (e.g. cdk.out/.bundles/metafile.json). */
export const metafileName = 'metafile.json';

/** The source files (`node_modules/…` or ours) that went into a function's bundle, from the run's metafile. */
export function inputsOf(metafile: Metafile, entry: string): string[] {
  const output = Object.entries(metafile.outputs).find(([file]) =>
    file.endsWith(`${bundleName(entry)}/index.mjs`),
  );
  return Object.keys(output?.[1].inputs ?? {});
}

export interface Bundles {
  /** Directory holding `index.mjs`, `index.mjs.map` and the `data/` tables of this entry. */
  dirOf(entry: string): string;
  metafile: Metafile;
  /** The reference tables shipped beside this entry's bundle (file names in `data/`). */
  tablesOf(entry: string): string[];
  /** The lazy modules shipped beside this entry's bundle (e.g. `xray-tracer.mjs`). */
  lazyModulesOf(entry: string): string[];
}

/**
 * Bundles the given entries in a single esbuild run: esbuild works on all of them at once
 * on every core, where one build per function ran them one after another.
 */
export function bundleAll(projectRoot: string, entries: string[], outdir?: string): Bundles {
  const out = outdir ?? mkdtempSync(join(tmpdir(), 'bassin-bundles-'));
  const result = buildSync({
    ...bundleOptions,
    absWorkingDir: projectRoot,
    entryPoints: {
      ...Object.fromEntries(entries.map((entry) => [`${bundleName(entry)}/index`, entry])),
      ...Object.fromEntries(
        Object.entries(lazyModules).map(([file, source]) => [
          `${lazyDir}/${file.replace(/\.mjs$/, '')}`,
          source,
        ]),
      ),
    },
    outdir: out,
    metafile: true,
  });
  // What went into each bundle, for `npm run bench:cold -- --analyze` and test/infra/synth.test.ts.
  writeFileSync(join(out, metafileName), JSON.stringify(result.metafile));
  const dirOf = (entry: string) => join(out, bundleName(entry));
  const tables = new Map(entries.map((entry) => [entry, shipTables(projectRoot, dirOf(entry))]));
  const lazy = new Map(entries.map((entry) => [entry, shipLazyModules(out, dirOf(entry))]));
  return {
    dirOf,
    metafile: result.metafile as Metafile,
    tablesOf: (entry) => tables.get(entry) ?? [],
    lazyModulesOf: (entry) => lazy.get(entry) ?? [],
  };
}

let cached: Bundles | undefined;
/**
 * All functions' bundles, built once per process (one synth), in `outdir` (the cloud
 * assembly's `.bundles/`): rebuilt in place by the next synth, never left behind in /tmp.
 */
export function functionBundles(projectRoot: string, outdir: string): Bundles {
  cached ??= bundleAll(projectRoot, functionEntries(projectRoot), outdir);
  return cached;
}
