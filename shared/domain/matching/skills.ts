import { findSkill, skillCodeOfLabel } from '../../reference/skill-referential';
import { foldForSearch } from '../../reference/text-search';
import type { Skill } from '../schema-parts';

/**
 * Skills are referential codes (ROME skills, compared by code) or free text: "Soudure TIG",
 * "soudage tig" and "TIG" mean the same. A text is folded (case, accents, punctuation) and
 * mapped through a short synonym table of the pilot industries' usual certificates and
 * techniques; extend it as vocabularies grow.
 */
const synonyms: Record<string, string[]> = {
  'soudage tig': ['tig', 'soudure tig', 'gtaw', 'soudage 141'],
  'soudage mig mag': [
    'mig',
    'mag',
    'mig mag',
    'soudure mig',
    'soudure mag',
    'soudage mig',
    'soudage mag',
    'soudage 135',
  ],
  'soudage arc': ['soudage a l arc', 'electrode enrobee', 'soudage 111'],
  'caces r489': ['caces 3', 'caces r489 cat 3', 'caces chariot', 'cariste', 'caces 1', 'caces 5'],
  'lecture de plans': ['lecture de plan', 'lire un plan', 'lecture plans'],
  'habilitation electrique': ['habilitation b1v', 'b1v', 'br', 'habilitation br', 'habilitation b2v'],
  'usinage cn': ['commande numerique', 'cnc', 'tournage cn', 'fraisage cn'],
  haccp: ['hygiene alimentaire', 'hygiene haccp'],
  'controle non destructif': ['cnd', 'ressuage', 'magnetoscopie'],
  composites: ['materiaux composites', 'drapage composite', 'drapage'],
};

const canonical = new Map<string, string>();
for (const [name, variants] of Object.entries(synonyms)) {
  canonical.set(name, name);
  for (const variant of variants) canonical.set(variant, name);
}

export function normaliseSkill(label: string): string {
  const folded = foldForSearch(label);
  return canonical.get(folded) ?? folded;
}

/**
 * What a skill is compared by: its referential code ("#103070"), that of a text that is a
 * referential label (older items kept texts), else the normalised text.
 */
export function skillKey(skill: Skill): string {
  const code = skill.code ?? skillCodeOfLabel(skill.label);
  return code ? `#${code}` : normaliseSkill(skill.label);
}

/** The words of a skill key: the referential label of a code, else the normalised text itself. */
export function skillLabelOfKey(key: string): string {
  return key.startsWith('#') ? (findSkill(key.slice(1))?.label ?? key.slice(1)) : key;
}

/** Which of the required skills the candidate has: by code, then by normalised text. */
export function compareSkills(required: Skill[], offered: Skill[]) {
  const have = new Set(offered.map(skillKey));
  const matched = required.filter((skill) => have.has(skillKey(skill)));
  const missing = required.filter((skill) => !have.has(skillKey(skill)));
  return { matched, missing };
}
