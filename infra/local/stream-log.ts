/**
 * The local change feed's durable log: what DynamoDB Streams keeps for 24 hours, as JSON
 * lines in segment files under `<dataDir>/stream/`. A write is logged twice: its intent
 * (the command and the items' images before it) before it is sent, and its outcome (one
 * stream record per item it changed, numbered) before the client gets its answer. A crash
 * in between leaves an intent without an outcome, which the next start settles: see
 * `ChangeFeed.recover`.
 *
 * Appends are group-committed: concurrent writers share one file write. A line is durable
 * once the write returns, which survives the process being killed (the kernel holds it);
 * like dynalite's LevelDB, the log is not fsynced, so a power cut can lose its last lines.
 */

import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Image = Record<string, AttributeValue>;

/** One change of one item, numbered in the order the writes happened. */
export interface LoggedRecord {
  seq: number;
  /** Epoch seconds (ApproximateCreationDateTime). */
  at: number;
  keys: Image;
  old?: Image;
  new?: Image;
}

/** A write about to be sent: enough to finish it after a crash. */
export interface Intent {
  intent: string;
  command: string;
  input: Record<string, unknown>;
  keys: Image[];
  old: (Image | null)[];
}

export const retentionHours = 24;
const maxSegmentBytes = 8 * 1024 * 1024;
const readChunkBytes = 1024 * 1024;
const segmentFile = (firstSeq: number) => `${String(firstSeq).padStart(15, '0')}.jsonl`;
const isOutcome = (line: string) => line.startsWith('{"done":');

interface PendingLine {
  line: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

export class StreamLog {
  /** First sequence number of each segment, oldest first; the last one is being written. */
  private readonly segments: number[];
  private readonly sizes = new Map<number, number>();
  private current!: FileHandle;
  private pending: PendingLine[] = [];
  private flushing = false;
  private waiters: (() => void)[] = [];
  private nextIntent = 0;
  private readonly boot = Date.now().toString(36);
  private closed = false;

  private constructor(
    readonly dir: string,
    segments: number[],
    private lastWritten: number,
    /** Highest sequence number handed out. */
    public lastSeq: number,
    /** Intents of the previous run that never got an outcome. */
    readonly unresolved: Intent[],
  ) {
    this.segments = segments;
  }

  static async open(dir: string): Promise<StreamLog> {
    await mkdir(dir, { recursive: true });
    const segments = (await readdir(dir))
      .filter((name) => /^\d{15}\.jsonl$/.test(name))
      .map((name) => Number(name.slice(0, 15)))
      .sort((a, b) => a - b);
    // A write's intent and outcome are at most one segment apart, and recovery copies the
    // intents it settles into the newest segment: the last two segments hold every open one.
    const open = new Map<string, Intent>();
    let lastSeq = segments.length ? (segments[segments.length - 1] as number) - 1 : 0;
    for (const first of segments.slice(-2)) {
      for (const line of await readLines(join(dir, segmentFile(first)))) {
        const parsed = parseLine(line);
        if (!parsed) continue;
        if ('intent' in parsed) open.set(parsed.intent, parsed);
        else {
          open.delete(parsed.done);
          for (const record of parsed.records) lastSeq = Math.max(lastSeq, record.seq);
        }
      }
    }
    const log = new StreamLog(dir, segments, lastSeq, lastSeq, [...open.values()]);
    for (const first of segments) log.sizes.set(first, (await stat(join(dir, segmentFile(first)))).size);
    await log.roll();
    return log;
  }

  /** Logs a write before it is sent; resolves once the intent is durable. */
  async begin(write: Omit<Intent, 'intent'>): Promise<string> {
    const id = `${this.boot}-${++this.nextIntent}`;
    await this.append({ intent: id, ...write });
    return id;
  }

  /** Logs an intent again in the newest segment (recovery does, so a second crash still finds it). */
  async reopen(intent: Intent): Promise<void> {
    await this.append(intent);
  }

  /** Logs a write's outcome: one numbered record per changed item (none: nothing changed). */
  async finish(intent: string, changes: Omit<LoggedRecord, 'seq' | 'at'>[]): Promise<LoggedRecord[]> {
    const at = Math.floor(Date.now() / 1000);
    const records = changes.map((change) => ({ seq: ++this.lastSeq, at, ...change }));
    // `last` and `entities` first: a reader skips lines no consumer of its wants without parsing them.
    const entities = [...new Set(records.map((r) => entityOf(r) ?? ''))];
    await this.append({ done: intent, last: records[records.length - 1]?.seq ?? 0, entities, records });
    return records;
  }

  /** Deletes segments whose newest line is older than the retention (24 h, as DynamoDB Streams). */
  async trim(now = Date.now()): Promise<number> {
    let removed = 0;
    for (const first of this.segments.slice(0, -1)) {
      const path = join(this.dir, segmentFile(first));
      const { mtimeMs } = await stat(path).catch(() => ({ mtimeMs: 0 }));
      if (mtimeMs > now - retentionHours * 3_600_000) break;
      await unlink(path).catch(() => undefined);
      this.segments.splice(this.segments.indexOf(first), 1);
      this.sizes.delete(first);
      removed++;
    }
    return removed;
  }

  /** A reader of the records from `fromSeq` on; with `entities`, only records of those. */
  reader(fromSeq: number, entities?: string[]): StreamReader {
    return new StreamReader(this, fromSeq, entities);
  }

  async close(): Promise<void> {
    while (this.flushing || this.pending.length) await this.changed();
    this.closed = true;
    this.notify();
    await this.current.close();
  }

  /** @internal for readers */
  segmentFor(seq: number): number | undefined {
    let found = this.segments[0];
    for (const first of this.segments) if (first <= seq) found = first;
    return found;
  }
  /** @internal */
  segmentAfter(first: number): number | undefined {
    return this.segments.find((s) => s > first);
  }
  /** @internal bytes of a segment that are durable (complete lines) */
  sizeOf(first: number): number {
    return this.sizes.get(first) ?? 0;
  }
  /** @internal */
  path(first: number): string {
    return join(this.dir, segmentFile(first));
  }
  /** @internal */
  get isClosed(): boolean {
    return this.closed;
  }
  /** @internal resolves on the next append, roll or close */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify() {
    for (const wake of this.waiters.splice(0)) wake();
  }

  private append(entry: object): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the stream log is closed'));
    return new Promise((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(entry)}\n`, resolve, reject });
      void this.flush();
    });
  }

  private async flush() {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0);
        const text = batch.map((p) => p.line).join('');
        try {
          if (this.sizeOf(this.newest) >= maxSegmentBytes) await this.roll();
          await this.current.appendFile(text);
          this.sizes.set(this.newest, this.sizeOf(this.newest) + Buffer.byteLength(text));
          this.lastWritten = this.lastSeq;
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error as Error);
        }
        this.notify();
      }
    } finally {
      this.flushing = false;
    }
  }

  private get newest(): number {
    return this.segments[this.segments.length - 1] ?? 0;
  }

  /** Starts a new segment, named after the first sequence number it can hold. */
  private async roll() {
    // Every record not yet written is numbered above what is written.
    const first = this.lastWritten + 1;
    if (this.segments.length && first === this.newest && this.current) return;
    const handle = await open(join(this.dir, segmentFile(first)), 'a');
    const previous = this.current;
    this.current = handle;
    if (!this.segments.includes(first)) this.segments.push(first);
    this.sizes.set(first, (await handle.stat()).size);
    await previous?.close();
    this.notify();
  }
}

/** The `entity` attribute of a record's item (new image, else old). */
export const entityOf = (record: Pick<LoggedRecord, 'new' | 'old'>): string | undefined =>
  (record.new ?? record.old)?.entity?.S;

const outcomeHead = /^\{"done":"[^"]*","last":(\d+),"entities":\[([^\]]*)\]/;

/** A batch of records read, and the highest sequence number the lines read covered. */
export interface ReadRecords {
  records: LoggedRecord[];
  through: number;
}

/** Reads records in order from a sequence number on, waiting for more at the end of the log. */
export class StreamReader {
  private segment: number | undefined;
  private offset = 0;
  private carry = '';
  private decoder = new StringDecoder('utf8');
  private handle: FileHandle | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;

  private readonly wanted: Set<string> | undefined;
  private through = 0;

  constructor(
    private readonly log: StreamLog,
    private readonly fromSeq: number,
    entities?: string[],
  ) {
    this.segment = log.segmentFor(fromSeq);
    this.wanted = entities && new Set(entities.map((entity) => JSON.stringify(entity)));
  }

  /** The next records (or lines skipped), or nothing once the reader or the log is closed. */
  async read(): Promise<ReadRecords> {
    for (;;) {
      if (this.stopped || this.log.isClosed) return { records: [], through: this.through };
      this.segment ??= this.log.segmentFor(this.fromSeq);
      const segment = this.segment;
      if (segment === undefined) {
        await this.more();
        continue;
      }
      const size = this.log.sizeOf(segment);
      if (this.offset < size) {
        const before = this.through;
        const records = await this.readChunk(segment, size);
        if (records.length > 0 || this.through > before) return { records, through: this.through };
        continue;
      }
      const next = this.log.segmentAfter(segment);
      if (next !== undefined) {
        await this.handle?.close();
        this.handle = undefined;
        this.segment = next;
        this.offset = 0;
        this.carry = '';
        this.decoder = new StringDecoder('utf8');
        continue;
      }
      await this.more();
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.handle?.close();
    this.handle = undefined;
  }

  /** Waits for the log to grow, or for this reader to be closed. */
  private more(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      void this.log.changed().then(resolve);
    });
  }

  private async readChunk(segment: number, size: number): Promise<LoggedRecord[]> {
    this.handle ??= await open(this.log.path(segment), 'r');
    const buffer = Buffer.allocUnsafe(Math.min(readChunkBytes, size - this.offset));
    const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, this.offset);
    this.offset += bytesRead;
    const lines = (this.carry + this.decoder.write(buffer.subarray(0, bytesRead))).split('\n');
    this.carry = lines.pop() ?? '';
    const records: LoggedRecord[] = [];
    for (const line of lines) {
      if (!isOutcome(line)) continue;
      const head = outcomeHead.exec(line);
      if (head) this.through = Math.max(this.through, Number(head[1]));
      if (head && this.wanted && !(head[2] ?? '').split(',').some((entity) => this.wanted?.has(entity)))
        continue;
      for (const record of (JSON.parse(line) as { records: LoggedRecord[] }).records) {
        this.through = Math.max(this.through, record.seq);
        if (record.seq < this.fromSeq) continue;
        const entity = entityOf(record);
        if (!this.wanted || (entity !== undefined && this.wanted.has(JSON.stringify(entity))))
          records.push(record);
      }
    }
    return records;
  }
}

async function readLines(path: string): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    return (await handle.readFile('utf8')).split('\n');
  } finally {
    await handle.close();
  }
}

/** A line of the log; a torn last line (the process died while writing it) is ignored. */
function parseLine(line: string): Intent | { done: string; records: LoggedRecord[] } | undefined {
  if (!line) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
