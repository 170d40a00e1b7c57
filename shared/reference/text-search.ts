/**
 * Text search over reference labels the way people type: case- and accent-insensitive,
 * hyphens and apostrophes as spaces, small French words ignored, every word a prefix.
 * MiniSearch (BM25 ranking) does the indexing; this module only says how text becomes terms.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';

/** Lower-case, accents stripped, punctuation as spaces: "Saint-Pé-de-Bigorre" → "saint pe de bigorre". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words too common in French labels to tell one from another ("préparateur de commandes"). */
const stopWords = new Set([
  'a',
  'au',
  'aux',
  'd',
  'de',
  'des',
  'du',
  'en',
  'et',
  'l',
  'la',
  'le',
  'les',
  'ou',
  'un',
  'une',
]);

/** The words of a text that count for search. */
export const searchTerms = (text: string): string[] =>
  foldForSearch(text)
    .split(' ')
    .filter((word) => word !== '' && !stopWords.has(word));

/** A MiniSearch index whose terms are `searchTerms` of each field. */
export function textIndex<T extends { id: string }>(
  documents: T[],
  options: Pick<Options<T>, 'fields' | 'storeFields' | 'extractField'> & { boost?: Record<string, number> },
): MiniSearch<T> {
  const index = new MiniSearch<T>({
    fields: options.fields,
    ...(options.storeFields ? { storeFields: options.storeFields } : {}),
    ...(options.extractField ? { extractField: options.extractField } : {}),
    tokenize: (text) => searchTerms(text),
    processTerm: (term) => term,
    searchOptions: { prefix: true, combineWith: 'AND', ...(options.boost ? { boost: options.boost } : {}) },
  });
  index.addAll(documents);
  return index;
}

/** Every word of the query a prefix of some word of the document; best first. */
export function searchText<T extends { id: string }>(index: MiniSearch<T>, query: string): SearchResult[] {
  const terms = searchTerms(query);
  return terms.length === 0 ? [] : index.search(terms.join(' '));
}
