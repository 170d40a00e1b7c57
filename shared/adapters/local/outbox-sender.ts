import { appendFile, readFile } from 'node:fs/promises';
import type { MessageSender } from '../../ports/notifications';

export interface OutboxEntry {
  at: string;
  channel: 'sms' | 'push';
  to: string;
  text: string;
  ref: string;
}

/**
 * The local runtime's SMS and push: each message is a line of `outbox.jsonl`, listed at
 * GET /dev/outbox, so a person sees exactly what would have been sent.
 */
export function outboxSender(file: string | undefined, memory: OutboxEntry[] = []) {
  const write = async (entry: OutboxEntry) => {
    memory.push(entry);
    if (file) await appendFile(file, `${JSON.stringify(entry)}\n`);
  };
  const sender: MessageSender = {
    sms: (phone, text, ref) => write({ at: new Date().toISOString(), channel: 'sms', to: phone, text, ref }),
    push: (endpoint, text, ref) =>
      write({ at: new Date().toISOString(), channel: 'push', to: endpoint, text, ref }),
  };
  const read = async (): Promise<OutboxEntry[]> => {
    if (!file) return [...memory];
    const text = await readFile(file, 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as OutboxEntry);
  };
  return { sender, read };
}
