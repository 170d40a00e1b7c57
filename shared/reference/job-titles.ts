/**
 * ROME job titles ("appellations", France Travail, Licence Ouverte / Etalab 2.0): the 13,120
 * names people give their job, each with its code OGR and ROME 4.0 code (built by rome-build.ts).
 */
import type { JobTitleRow } from './rome-rows';
import { tableFile } from './table-file';

export interface JobTitle {
  /** Code OGR of the title. */
  code: string;
  label: string;
  /** Its ROME 4.0 code. */
  occupation: string;
  /** France Travail's principal title of the fiche (others are synonyms). */
  principal: boolean;
  /** Marked "peu usité" (rarely used) by France Travail. */
  rare: boolean;
}

const table = /* @__PURE__ */ tableFile<JobTitleRow[]>('job-titles.json');
let byCode: Map<string, JobTitle> | undefined;

const toJobTitle = ([code, label, occupation, flags]: JobTitleRow): JobTitle => ({
  code,
  label,
  occupation,
  principal: (flags & 1) === 1,
  rare: (flags & 2) === 2,
});

function index() {
  byCode ??= new Map(table().map((row) => [row[0], toJobTitle(row)]));
  return byCode;
}

export const findJobTitle = (code: string): JobTitle | undefined => index().get(code);
export const isKnownJobTitle = (code: string): boolean => index().has(code);
/** Every title, in code order (the search index is built from them). */
export const listJobTitles = (): JobTitle[] => [...index().values()];
