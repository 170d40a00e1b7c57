/** Writes GTFS tables as a zip (yazl): the demo feed, the benchmark's and the tests' fixtures. */
import { createWriteStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export type GtfsTables = Record<string, (string | number)[][]>;

const cell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** CSV text of one table (first row: the header). */
export const csvOf = (rows: (string | number)[][]) =>
  `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;

export async function writeGtfsZip(path: string, files: Record<string, string | (string | number)[][]>) {
  const zip = new ZipFile();
  for (const [name, content] of Object.entries(files))
    zip.addBuffer(Buffer.from(typeof content === 'string' ? content : csvOf(content)), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

/** Zips a folder of GTFS .txt files. */
export async function zipGtfsFolder(folder: string, path: string, replace: Record<string, string> = {}) {
  const files: Record<string, string> = {};
  for (const name of await readdir(folder))
    if (name.endsWith('.txt')) files[name] = await readFile(join(folder, name), 'utf8');
  return writeGtfsZip(path, { ...files, ...replace });
}

/** calendar.txt of one service running Monday to Friday between two dates (YYYYMMDD). */
export const weekdayCalendar = (service: string, start: string, end: string) => [
  [
    'service_id',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'start_date',
    'end_date',
  ],
  [service, 1, 1, 1, 1, 1, 0, 0, start, end],
];
