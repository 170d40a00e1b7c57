/** `npm start`: the whole of Bassin on this machine, data kept under BASSIN_DATA_DIR (or --data-dir). */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandLine } from '../cli';
import { startLocalRuntime } from './runtime';

const cli = commandLine({
  command: 'npm start --',
  summary:
    'Runs the whole of Bassin on this machine: the API and web app, dynalite as DynamoDB (data kept\n' +
    'in the data folder), fauxqs as SNS/SQS, the change feed and the scheduled jobs. An empty data\n' +
    'folder gets a SYNTHETIC demo territory (BASSIN_DEMO=0: none).',
  options: {
    port: {
      type: 'string',
      value: 'N',
      default: process.env.PORT ?? '3000',
      description: 'HTTP port (env PORT).',
    },
    'data-dir': {
      type: 'string',
      value: 'DIR',
      default: process.env.BASSIN_DATA_DIR ?? '.data',
      description: 'Where the local data lives (env BASSIN_DATA_DIR).',
    },
  },
  examples: ['npm start', 'npm start -- --port 8080 --data-dir /tmp/bassin'],
});
const dataDir = resolve(cli.values['data-dir']);
const port = cli.integer('port', 0, 65_535);
// An empty data folder gets the SYNTHETIC demo territory, unless BASSIN_DEMO=0.
const demo = process.env.BASSIN_DEMO !== '0' && !existsSync(join(dataDir, 'dynamodb'));

const runtime = await startLocalRuntime({ dataDir, port, demo, log: console.log }).catch((error: Error) => {
  console.error(`\nBassin could not start: ${error.message}\n`);
  process.exit(1);
});
// Ctrl-C is handled before the URL is printed: a signal sent as soon as it appears must not kill the process.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Bassin…');
    await runtime.stop();
    process.exit(0);
  });
}
console.log(`
Bassin is running at ${runtime.url}   (data: ${dataDir})

  Web app           ${runtime.url}/   (sign in with a name and a role${demo ? ', or a demo account' : ''})
  API description   ${runtime.url}/openapi.json
  Get a token       curl -s -X POST ${runtime.url}/dev/token -H 'content-type: application/json' \\
                         -d '{"sub":"acme","groups":["employer"]}'
  Use it            curl -H "authorization: Bearer $TOKEN" ${runtime.url}/v1/ref/sectors

Ctrl-C stops it; the data stays for the next start.
`);
