/** Read models of the reference data, as the /v1/ref routes return them. */
import nafCodes from '@socialgouv/codes-naf/index.json';
import { communeLabel, findEpci, searchCommunes } from './communes';
import { searchJobTitles } from './occupation-search';
import { sectors } from './sectors';
import { suggestSkills } from './skill-referential';
import { searchTerms } from './text-search';

const nafLabel = new Map((nafCodes as { id: string; label: string }[]).map((naf) => [naf.id, naf.label]));

/** Sectors, all or those whose label (or slug) has every word typed as a prefix ("métallurgie"). */
export function sectorList(query?: string) {
  const words = searchTerms(query ?? '');
  return sectors
    .filter(({ slug, label }) => {
      const terms = [...searchTerms(label), ...searchTerms(slug)];
      return words.every((word) => terms.some((term) => term.startsWith(word)));
    })
    .map(({ slug, label, naf }) => ({
      slug,
      label,
      naf: naf.map((code) => ({ code, label: nafLabel.get(code) ?? code })),
    }));
}

export function occupationSearch(query: string | undefined, limit: number) {
  return searchJobTitles(query ?? '', limit).map(({ title, occupation }) => ({
    code: title.code,
    label: title.label,
    principal: title.principal,
    rare: title.rare,
    occupation: { code: occupation.code, label: occupation.label },
    parent: occupation.parent,
    domain: occupation.domain,
  }));
}

export function skillSearch(query: string | undefined, occupation: string | undefined, limit: number) {
  const own = new Set(occupation ? suggestSkills('', occupation, 1000).map((s) => s.code) : []);
  return suggestSkills(query ?? '', occupation, limit).map((skill) => ({
    ...skill,
    ofOccupation: own.has(skill.code),
  }));
}

export function communeSearch(query: string, limit: number) {
  return searchCommunes(query, limit).map(({ epci, ...commune }) => {
    const group = epci ? findEpci(epci) : undefined;
    return {
      ...commune,
      label: communeLabel(commune),
      epci: group ? { code: group.code, name: group.name } : null,
    };
  });
}
