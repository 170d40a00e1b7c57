import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach } from 'vitest';

const children = new Set<ChildProcess>();

/** Kills whatever runtime a test left running (tests kill theirs with -9 on purpose). */
export function killRuntimesAfterEach() {
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
    children.clear();
  });
}

export interface RuntimeProcess {
  url: string;
  pid: number;
  /** Resolves with the signal or exit code once the process is gone. */
  exited: Promise<NodeJS.Signals | number | null>;
  output(): string;
  kill9(): Promise<NodeJS.Signals | number | null>;
  /** Ctrl-C. */
  stop(): Promise<NodeJS.Signals | number | null>;
}

/**
 * Starts the local runtime in a child process on `dataDir`, on a free port, and waits for
 * its URL. By default test/support/crashing-runtime.ts (what `npm start` runs, plus
 * optional crash points); `entry` runs another, e.g. infra/local/main.ts itself.
 */
export async function startRuntimeProcess(
  dataDir: string,
  env: Record<string, string> = {},
  entry = 'test/support/crashing-runtime.ts',
) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, PORT: '0', BASSIN_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(signal ?? code);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 150 s:\n${output}`)), 150_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    void exited.then((how) => reject(new Error(`exited (${how}) before serving:\n${output}`)));
  });
  return {
    url,
    pid: child.pid as number,
    exited,
    output: () => output,
    kill9() {
      child.kill('SIGKILL');
      return exited;
    },
    stop() {
      child.kill('SIGINT');
      return exited;
    },
  } satisfies RuntimeProcess;
}
