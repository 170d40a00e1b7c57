/**
 * `npm run bench:search`: how fast GET /v1/ref/occupations answers, measured on the search
 * function itself (no HTTP): the index build (paid once per process, at the first query) and
 * each query of a set that people type — the everyday titles of the issue, one- to
 * three-letter prefixes (the slowest: they expand to many terms), whole titles, and words
 * drawn from the referential. Target: every query within 20 ms once the index is built.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { commandLine } from '../infra/cli';
import { prng } from '../infra/local/synthetic';
import { listJobTitles } from '../shared/reference/job-titles';
import { searchJobTitles } from '../shared/reference/occupation-search';
import { searchTerms } from '../shared/reference/text-search';

const cli = commandLine({
  command: 'npm run bench:search --',
  summary:
    'How fast occupation search answers, on the search function itself: the index build, then each\n' +
    'query of a fixed set people type plus random ones. Target: every query within 20 ms.',
  options: {
    queries: {
      type: 'string',
      value: 'N',
      default: '2000',
      description: 'Random queries besides the fixed set.',
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'Also write the result as JSON, e.g. bench/results/occupation-search.json.',
    },
  },
});
const values = { ...cli.values, queries: String(cli.integer('queries', 0, 1_000_000)) };

const startBuild = performance.now();
searchJobTitles('soudeur', 1);
const buildMs = performance.now() - startBuild;

const everyday = [
  'cariste',
  'fraiseur',
  'soudeur',
  'aide-soignant',
  'opérateur commande numérique',
  'chaudronnier',
  'préparateur de commandes',
  'soud tig',
  'soudeuse',
  'cheffe',
];
const next = prng(2026);
const words = [...new Set(listJobTitles().flatMap((title) => searchTerms(title.label)))];
const random = Array.from({ length: Number(values.queries) }, () => {
  const word = words[Math.floor(next() * words.length)] ?? 'a';
  const kind = next();
  if (kind < 0.3) return word.slice(0, 1 + Math.floor(next() * 3));
  if (kind < 0.7) return word;
  return `${word} ${(words[Math.floor(next() * words.length)] ?? '').slice(0, 4)}`;
});
const prefixes = 'abcdefghijklmnopqrstuvwxyz'.split('');
const queries = [...everyday, ...prefixes, ...random];

// Wall time, and the process's CPU time, which a shared machine's load does not inflate.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const times = queries.map((query) => {
  const start = performance.now();
  const cpuStart = cpuMs();
  searchJobTitles(query, 20);
  return { query, ms: performance.now() - start, cpu: cpuMs() - cpuStart };
});
const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
const sortedCpu = times.map((t) => t.cpu).sort((a, b) => a - b);
const quantile = (values: number[], q: number) =>
  values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
const at = (q: number) => quantile(sorted, q);
const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
const result = {
  queries: queries.length,
  titles: listJobTitles().length,
  indexBuildMs: Math.round(buildMs),
  medianMs: Number(at(0.5).toFixed(2)),
  p95Ms: Number(at(0.95).toFixed(2)),
  p99Ms: Number(at(0.99).toFixed(2)),
  maxMs: Number((sorted.at(-1) ?? 0).toFixed(2)),
  over20ms: times.filter((t) => t.ms > 20).length,
  slowest: slowest.map((t) => ({ query: t.query, ms: Number(t.ms.toFixed(2)) })),
  cpuMedianMs: Number(quantile(sortedCpu, 0.5).toFixed(2)),
  cpuP95Ms: Number(quantile(sortedCpu, 0.95).toFixed(2)),
  cpuMaxMs: Number((sortedCpu.at(-1) ?? 0).toFixed(2)),
  cpuOver20ms: times.filter((t) => t.cpu > 20).length,
  loadAverage: Number(loadavg()[0]?.toFixed(1)),
  node: process.version,
  at: new Date().toISOString(),
};
console.log(JSON.stringify(result, null, 2));
if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
