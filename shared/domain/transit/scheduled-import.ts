/**
 * The scheduled import: imports the feeds when they changed (by fingerprint), or when the
 * current import is old enough that its items would come near their expiry.
 */
import type { Clock } from '../../ports/runtime';
import type { TimetableStore } from '../../ports/timetable';
import type { FeedSource } from './gtfs';
import { type ImportReport, importTimetables } from './import';

export const reimportAfterDays = 180;

export type ScheduledImport = { imported: false; reason: string } | { imported: true; report: ImportReport };

export async function importIfChanged(
  deps: { store: TimetableStore; clock: Clock },
  fingerprints: string[],
  open: () => Promise<{ feeds: FeedSource[]; close(): Promise<void> }>,
): Promise<ScheduledImport> {
  if (fingerprints.length === 0) return { imported: false, reason: 'aucun fichier .zip sous le préfixe' };
  const current = await deps.store.current();
  const age = current
    ? deps.clock.now().getTime() - Date.parse(current.importedAt)
    : Number.POSITIVE_INFINITY;
  if (
    current &&
    current.sources.join('\n') === fingerprints.join('\n') &&
    age < reimportAfterDays * 86_400_000
  )
    return { imported: false, reason: `fichiers inchangés depuis l'import ${current.version}` };
  const opened = await open();
  try {
    return { imported: true, report: await importTimetables(deps, opened.feeds, { sources: fingerprints }) };
  } finally {
    await opened.close();
  }
}
