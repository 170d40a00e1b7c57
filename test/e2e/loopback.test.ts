import { readdir, readFile, readlink } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useLocalRuntime } from '../support/runtime';

const local = useLocalRuntime();

interface Listener {
  address: string;
  port: number;
}

/** The TCP sockets this process listens on, from /proc (Linux): address and port of each. */
async function listeningSockets(): Promise<Listener[]> {
  const inodes = new Set<string>();
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    if (inode) inodes.add(inode);
  }
  const listeners: Listener[] = [];
  for (const table of ['/proc/self/net/tcp', '/proc/self/net/tcp6']) {
    const rows = (await readFile(table, 'utf8')).trim().split('\n').slice(1);
    for (const row of rows) {
      const [, local, , state, , , , , , inode] = row.trim().split(/\s+/);
      if (state !== '0A' || !inode || !inodes.has(inode) || !local) continue; // 0A = LISTEN
      const [hex = '', port = '0'] = local.split(':');
      listeners.push({ address: decodeAddress(hex), port: Number.parseInt(port, 16) });
    }
  }
  return listeners;
}

/** /proc/net/tcp writes addresses as little-endian 32-bit words in hex. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((word) =>
    (word.match(/../g) ?? []).reverse().map((b) => Number.parseInt(b, 16)),
  );
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255)
    return bytes.slice(12).join('.');
  return bytes.every((b, i) => (i === 15 ? b === 1 : b === 0)) ? '::1' : `[${hex}]`;
}

const portOf = (url: string) => Number(new URL(url).port);

describe('local listeners', () => {
  it.runIf(process.platform === 'linux')(
    'every socket the runtime listens on (API, dynalite, fauxqs) is on the loopback interface',
    async () => {
      const { runtime } = local;
      const listeners = await listeningSockets();
      const ports = listeners.map((l) => l.port);
      for (const url of [runtime.url, runtime.dynamoEndpoint, runtime.messaging.endpoint])
        expect(ports).toContain(portOf(url));
      for (const listener of listeners) expect(['127.0.0.1', '::1']).toContain(listener.address);
    },
  );
});
