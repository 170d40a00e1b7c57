import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { outboxSender } from '../../shared/adapters/local/outbox-sender';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function outboxFile() {
  const folder = await mkdtemp(join(tmpdir(), 'bassin-outbox-'));
  folders.push(folder);
  return join(folder, 'outbox.jsonl');
}

const lines = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { ref: string; subject: string });

describe('the local outbox', () => {
  it('writes a message once per ref, even when the same ref is sent again at the same time', async () => {
    const file = await outboxFile();
    const { sender, read } = outboxSender(file);
    await Promise.all([
      sender.sms('+33612345678', 'Offre A', 'offer-1', 'seeker-1'),
      sender.sms('+33612345678', 'Offre A', 'offer-1', 'seeker-1'),
      sender.push('https://push.example/1', 'Offre B', 'offer-2', 'seeker-2'),
    ]);
    await sender.sms('+33612345678', 'Offre A', 'offer-1', 'seeker-1');
    expect((await lines(file)).map((line) => line.ref)).toEqual(['offer-1', 'offer-2']);
    expect((await read()).length).toBe(2);
    expect(await sender.sent('offer-1')).toBe(true);
    expect(await sender.sent('offer-3')).toBe(false);
  });

  it('forgets a person: their lines leave the file, and their refs with them', async () => {
    const file = await outboxFile();
    const { sender } = outboxSender(file);
    await sender.sms('+33612345678', 'Offre A', 'offer-1', 'seeker-1');
    await sender.sms('+33698765432', 'Offre B', 'offer-2', 'seeker-2');
    await sender.forget('seeker-1');
    expect(await lines(file)).toEqual([expect.objectContaining({ ref: 'offer-2', subject: 'seeker-2' })]);
    expect(await sender.sent('offer-1')).toBe(false);
    expect(await sender.sent('offer-2')).toBe(true);
  });

  it('keeps messages in memory without a file, with the same rule', async () => {
    const memory: Parameters<typeof outboxSender>[1] = [];
    const { sender } = outboxSender(undefined, memory);
    await sender.sms('+33612345678', 'Offre A', 'offer-1', 'seeker-1');
    await sender.sms('+33612345678', 'Offre A', 'offer-1', 'seeker-1');
    expect(memory.map((entry) => entry.ref)).toEqual(['offer-1']);
  });
});
