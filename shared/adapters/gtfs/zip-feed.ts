/**
 * A GTFS zip as a FeedSource: yauzl reads the central directory (so files are read in
 * the order the importer needs, not the order they were zipped) and inflates one file at
 * a time as a stream; csv-parse turns it into rows. Nothing is held in memory but rows.
 */
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { type FeedSource, GtfsError } from '../../domain/transit/gtfs';

const openZip = (path: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );

const entriesOf = (zip: ZipFile) =>
  new Promise<Map<string, Entry>>((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      // Some producers put the files in a folder: keep the last part of the name.
      if (!entry.fileName.endsWith('/')) entries.set(basename(entry.fileName), entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });

/** Opens a GTFS zip; `close()` releases the file. A file that is not a zip is a GtfsError. */
export async function openGtfsZip(path: string): Promise<FeedSource & { close(): void }> {
  const name = basename(path);
  let zip: ZipFile;
  let entries: Map<string, Entry>;
  try {
    zip = await openZip(path);
    entries = await entriesOf(zip);
  } catch (error) {
    throw new GtfsError(`${name} : ce n'est pas une archive zip lisible (${(error as Error).message})`);
  }
  return {
    name,
    files: new Set(entries.keys()),
    close: () => zip.close(),
    async *rows(file) {
      const entry = entries.get(file);
      if (!entry) return;
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
        zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
      ).catch((error: Error) => {
        throw new GtfsError(`${name} : ${file} illisible (${error.message})`);
      });
      const parser = stream.pipe(
        parse({
          columns: (header: string[]) => header.map((h) => h.trim()),
          bom: true,
          skip_empty_lines: true,
          trim: true,
          info: true,
        }),
      );
      stream.on('error', (error) => parser.destroy(error));
      try {
        for await (const { record, info } of parser as AsyncIterable<{
          record: Record<string, string>;
          info: { lines: number };
        }>)
          yield { row: record, line: info.lines };
      } catch (error) {
        if (error instanceof GtfsError) throw error;
        throw new GtfsError(`${name} : ${file} illisible (${(error as Error).message})`);
      }
    },
  };
}
