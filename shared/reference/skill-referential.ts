/**
 * Skills of the ROME 3 referential (France Travail, Licence Ouverte / Etalab 2.0; built by
 * rome-build.ts): savoirs (knowledge, "Lecture de plan, de schéma") and savoir-faire
 * (know-how, "Réaliser un soudage TIG"), each with its code OGR, and the ones each fiche lists.
 */
import { parentFiche } from './occupations';
import type { SkillTables } from './rome-rows';
import { tableFile } from './table-file';
import { foldForSearch, searchText, textIndex } from './text-search';

export interface Skill {
  code: string;
  label: string;
  kind: 'knowledge' | 'know-how';
}

const tables = /* @__PURE__ */ tableFile<SkillTables>('skills.json');
const toSkill = ([code, label, kind]: SkillTables['items'][number]): Skill => ({
  code,
  label,
  kind: kind === 1 ? 'knowledge' : 'know-how',
});

let byCode: Map<string, Skill> | undefined;
let byLabel: Map<string, string> | undefined;
let index: ReturnType<typeof textIndex<{ id: string; label: string }>> | undefined;

export function findSkill(code: string): Skill | undefined {
  byCode ??= new Map(tables().items.map((item) => [item[0], toSkill(item)]));
  return byCode.get(code);
}

/** The code of the skill whose label this text is (ignoring case, accents and punctuation). */
export function skillCodeOfLabel(text: string): string | undefined {
  if (!byLabel) {
    byLabel = new Map();
    // Items are in code order: the first code keeps a label shared by several.
    for (const [code, label] of tables().items)
      if (!byLabel.has(foldForSearch(label))) byLabel.set(foldForSearch(label), code);
  }
  return byLabel.get(foldForSearch(text));
}

/** The skills an occupation's fiche lists (a ROME 4.0 code uses its ROME 3 parent's list). */
export function skillsOfOccupation(occupation: string): Skill[] {
  const { items, fiches } = tables();
  return (fiches[parentFiche(occupation)] ?? fiches[occupation] ?? []).map((at) =>
    toSkill(items[at] as never),
  );
}

/**
 * Skill suggestions: those of the occupation's fiche first (knowledge, short and easy to pick,
 * before know-how when nothing is typed), then any other skill whose label matches every word typed.
 */
export function suggestSkills(query: string, occupation: string | undefined, limit: number): Skill[] {
  const own = occupation ? skillsOfOccupation(occupation) : [];
  if (!query.trim())
    return [...own]
      .sort((a, b) => Number(a.kind === 'know-how') - Number(b.kind === 'know-how'))
      .slice(0, limit);
  index ??= textIndex(
    tables().items.map(([code, label]) => ({ id: code, label })),
    { fields: ['label'] },
  );
  const ownCodes = new Set(own.map((skill) => skill.code));
  const hits = searchText(index, query).map((hit) => String(hit.id));
  const ranked = [
    ...hits.filter((code) => ownCodes.has(code)),
    ...hits.filter((code) => !ownCodes.has(code)),
  ];
  return ranked.slice(0, limit).map((code) => findSkill(code) as Skill);
}
