import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import type { MessageSender } from '../../ports/notifications';

export interface OutboxEntry {
  at: string;
  channel: 'sms' | 'push';
  to: string;
  text: string;
  ref: string;
  /** The seeker the message was for: erasure forgets their lines. */
  subject: string;
}

interface Outbox {
  entries: OutboxEntry[] | undefined;
  /** The entries' refs, so that a send checks for a duplicate without scanning the outbox. */
  refs: Set<string> | undefined;
  /** Operations on the file, one at a time (appends and rewrites never interleave). */
  queue: Promise<unknown>;
}

// One state per file for the whole process: the runtime, the deliverer and erasure share it.
const outboxes = new Map<string, Outbox>();

/**
 * The local runtime's SMS and push: each message is a line of `outbox.jsonl`, listed at
 * GET /dev/outbox, so a person sees exactly what would have been sent. A message whose
 * ref is already there is not written again (a retry after a crash sends nothing twice),
 * and erasure removes the person's lines. Without a file, messages stay in memory.
 */
export function outboxSender(file: string | undefined, memory: OutboxEntry[] = []) {
  const box: Outbox = file
    ? sharedOutbox(file)
    : { entries: memory, refs: undefined, queue: Promise.resolve() };
  const serial = <T>(work: (entries: OutboxEntry[], refs: Set<string>) => Promise<T>): Promise<T> => {
    const run = box.queue.then(async () => {
      box.entries ??= await load(file);
      box.refs ??= new Set(box.entries.map((e) => e.ref));
      return work(box.entries, box.refs);
    });
    box.queue = run.catch(() => undefined);
    return run;
  };
  const write = (entry: Omit<OutboxEntry, 'at'>) =>
    serial(async (entries, refs) => {
      if (refs.has(entry.ref)) return;
      const line = { at: new Date().toISOString(), ...entry };
      if (file) await appendFile(file, `${JSON.stringify(line)}\n`);
      entries.push(line);
      refs.add(entry.ref);
    });
  const sender = {
    sms: (phone, text, ref, subject) => write({ channel: 'sms', to: phone, text, ref, subject }),
    push: (endpoint, text, ref, subject) => write({ channel: 'push', to: endpoint, text, ref, subject }),
    sent: (ref) => serial(async (_, refs) => refs.has(ref)),
    forget: (subject) =>
      serial(async (entries, refs) => {
        const kept = entries.filter((e) => e.subject !== subject);
        if (kept.length === entries.length) return;
        if (file) {
          await writeFile(`${file}.next`, kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
          await rename(`${file}.next`, file);
        }
        for (const e of entries) if (e.subject === subject) refs.delete(e.ref);
        entries.splice(0, entries.length, ...kept);
      }),
  } satisfies Required<MessageSender>;
  const read = () => serial(async (entries) => [...entries]);
  return { sender, read };
}

function sharedOutbox(file: string): Outbox {
  let box = outboxes.get(file);
  if (!box) {
    box = { entries: undefined, refs: undefined, queue: Promise.resolve() };
    outboxes.set(file, box);
  }
  return box;
}

async function load(file: string | undefined): Promise<OutboxEntry[]> {
  const text = file ? await readFile(file, 'utf8').catch(() => '') : '';
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as OutboxEntry);
}
