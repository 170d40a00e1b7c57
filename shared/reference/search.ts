/** Read models of the reference data, as the /v1/ref routes return them. */
import nafCodes from '@socialgouv/codes-naf/index.json';
import { findEpci, foldForSearch, searchCommunes } from './communes';
import { occupationDomain, occupations } from './occupations';
import { sectors } from './sectors';

const nafLabel = new Map((nafCodes as { id: string; label: string }[]).map((naf) => [naf.id, naf.label]));

export function sectorList() {
  return sectors.map(({ slug, label, naf }) => ({
    slug,
    label,
    naf: naf.map((code) => ({ code, label: nafLabel.get(code) ?? code })),
  }));
}

export function occupationSearch(query: string | undefined, limit: number) {
  const words = foldForSearch(query ?? '')
    .split(' ')
    .filter(Boolean);
  return occupations
    .filter(({ code, label }) => {
      if (words.length === 0) return true;
      if (words.length === 1 && code.toLowerCase().startsWith(words[0] ?? '')) return true;
      const folded = foldForSearch(label).split(' ');
      return words.every((word) => folded.some((token) => token.startsWith(word)));
    })
    .slice(0, limit)
    .map(({ code, label }) => ({ code, label, domain: occupationDomain(code) }));
}

export function communeSearch(query: string, limit: number) {
  return searchCommunes(query, limit).map(({ epci, ...commune }) => {
    const group = epci ? findEpci(epci) : undefined;
    return { ...commune, epci: group ? { code: group.code, name: group.name } : null };
  });
}
