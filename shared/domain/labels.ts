/**
 * The French names of the codes an answer carries (sector, occupation, job title, commune,
 * contract, shifts): people read these, machines keep the codes beside them.
 */
import { contractWords, shiftWords } from '../messages/words';
import { communeLabel, findCommune } from '../reference/communes';
import { findJobTitle } from '../reference/job-titles';
import { findOccupation } from '../reference/occupations';
import { sectors } from '../reference/sectors';
import type { Shift } from './schema-parts';

const sectorLabels = new Map<string, string>(sectors.map(({ slug, label }) => [slug, label]));

export const sectorLabel = (slug: string) => sectorLabels.get(slug) ?? slug;
export const occupationLabel = (code: string) => findOccupation(code)?.label ?? code;
/** A job in words: its title when one was chosen, else its ROME fiche's label. */
export const jobLabel = (job: { jobTitle?: string | undefined; occupation: string }) =>
  (job.jobTitle && findJobTitle(job.jobTitle)?.label) || occupationLabel(job.occupation);
/** "Lescar (64230)". */
export function communeLabelOf(code: string) {
  const commune = findCommune(code);
  return commune ? communeLabel(commune) : code;
}
export const contractLabel = (contract: keyof typeof contractWords) => contractWords[contract].fr;
export const shiftLabels = (shifts: Shift[]) => shifts.map((shift) => shiftWords[shift].fr);

/**
 * The words for each of a seeker's occupations: the title they chose for that ROME code if
 * any, else the fiche's label.
 */
export function seekerJobLabels(profile: { jobTitles?: string[] | undefined; occupations: string[] }) {
  const titles = (profile.jobTitles ?? []).flatMap((code) => findJobTitle(code) ?? []);
  return new Map(
    profile.occupations.map((occupation) => [
      occupation,
      titles.find((title) => title.occupation === occupation)?.label ?? occupationLabel(occupation),
    ]),
  );
}
