/** Compact row layouts of the ROME tables in shared/reference/data/ (see rome-build.ts). */
export interface OccupationTables {
  /** ROME 4.0 codes: [code, label, parent ROME 3 fiche]. */
  fiches: [code: string, label: string, parent: string][];
  /** ROME 3 fiches: [code, label]. */
  parents: [code: string, label: string][];
  /** Domaines professionnels: [code (3 characters), label]. */
  domains: [code: string, label: string][];
}

/** Flags of a job title: 1 = principal title of its fiche, 2 = rarely used ("peu usité"). */
export type JobTitleRow = [ogr: string, label: string, occupation: string, flags: number];

export interface SkillTables {
  /** [code OGR, label, 1 = savoir (knowledge) | 2 = savoir-faire (know-how)]. */
  items: [code: string, label: string, kind: 1 | 2][];
  /** ROME 3 fiche → indexes into `items`. */
  fiches: Record<string, number[]>;
}
