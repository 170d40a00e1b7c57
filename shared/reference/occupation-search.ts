/**
 * Job-title search: what `GET /v1/ref/occupations?q=` answers. A title is found by its own
 * words, or by the words of its fiche (ROME 4.0 label, ROME 3 parent label): every word typed
 * a prefix. Ranked by BM25 (MiniSearch): an exact title first, then principal titles, then
 * synonyms, titles France Travail marks "peu usité" last.
 */
import { type JobTitle, listJobTitles } from './job-titles';
import { findOccupation, type Occupation, occupationCodes } from './occupations';
import { foldForSearch, searchTerms, searchText, textIndex } from './text-search';

export interface TitleHit {
  title: JobTitle;
  occupation: Occupation;
}

/** Weight of a title's kind in the ranking: principal titles rise above synonyms. */
const kindWeight = (title: JobTitle) => (title.principal ? 1.5 : 1);
/** Ranking tiers: the exact title, then the others, titles marked "peu usité" last. */
const tier = (title: JobTitle, exact: boolean) => (exact ? 0 : title.rare ? 2 : 1);
/** A fiche's words count less than a title's own. */
const ficheWeight = 1 / 3;

/**
 * Terms shorter than this are looked up by a scan of every title's words instead of
 * MiniSearch: a one- to three-letter prefix expands to hundreds of index terms, which
 * takes MiniSearch tens of milliseconds, while a scan of 13,120 word lists takes a few.
 */
const shortTerm = 4;

interface Built {
  titleIndex: ReturnType<typeof textIndex<{ id: string; label: string }>>;
  ficheIndex: ReturnType<typeof textIndex<{ id: string; label: string }>>;
  titles: Map<string, JobTitle>;
  titlesOfFiche: Map<string, JobTitle[]>;
  /** Folded title (either gender, or both) → codes of the titles it names exactly. */
  exact: Map<string, Set<string>>;
  /** Per title, its own words (" soudeur soudeuse") and its fiche's words. */
  words: TitleWords[];
  /** Every title in the ranking's order for a query with no words (a ROME code or nothing). */
  byCode: JobTitle[];
}
interface TitleWords {
  title: JobTitle;
  own: string;
  fiche: string;
}
let built: Built | undefined;

/** "Soudeur / Soudeuse" → ["soudeur", "soudeuse", "soudeur soudeuse"]: either gender typed in full is exact. */
const exactForms = (label: string) => {
  const forms = label.split(' / ').map(foldForSearch);
  return new Set([...forms, foldForSearch(label)]);
};

const ficheWords = (code: string) => {
  const occupation = findOccupation(code);
  return `${occupation?.label ?? ''} ${occupation?.parent.label ?? ''}`;
};

function build(): Built {
  const all = listJobTitles();
  const exact = new Map<string, Set<string>>();
  const titlesOfFiche = new Map<string, JobTitle[]>();
  for (const title of all) {
    for (const form of exactForms(title.label))
      exact.set(form, (exact.get(form) ?? new Set()).add(title.code));
    titlesOfFiche.set(title.occupation, [...(titlesOfFiche.get(title.occupation) ?? []), title]);
  }
  const fiches = occupationCodes().map((code) => ({ id: code, label: ficheWords(code) }));
  const ficheText = new Map(fiches.map((fiche) => [fiche.id, ` ${searchTerms(fiche.label).join(' ')}`]));
  const words = all.map((title) => ({
    title,
    own: ` ${searchTerms(title.label).join(' ')}`,
    fiche: ficheText.get(title.occupation) ?? '',
  }));
  return {
    titleIndex: textIndex(
      all.map((title) => ({ id: title.code, label: title.label })),
      { fields: ['label'] },
    ),
    ficheIndex: textIndex(fiches, { fields: ['label'] }),
    titles: new Map(all.map((title) => [title.code, title])),
    titlesOfFiche,
    exact,
    words,
    // What the final ranking makes of titles that all score 0: usual before rare, by ROME code.
    byCode: [...all].sort((a, b) => tier(a, false) - tier(b, false) || byCode(a.occupation, b.occupation)),
  };
}

type Scored = { title: JobTitle; score: number };

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Titles matched by a BM25 search of their own words, or of their fiche's (weighted less). */
function searchIndexes({ titleIndex, ficheIndex, titles, titlesOfFiche }: Built, query: string): Scored[] {
  const scores = new Map<string, Scored>();
  for (const hit of searchText(titleIndex, query)) {
    const title = titles.get(String(hit.id)) as JobTitle;
    scores.set(title.code, { title, score: hit.score });
  }
  for (const hit of searchText(ficheIndex, query))
    for (const title of titlesOfFiche.get(String(hit.id)) ?? [])
      if (!scores.has(title.code)) scores.set(title.code, { title, score: hit.score * ficheWeight });
  return [...scores.values()];
}

/** The same match by a scan: titles whose own words match come first, shorter ones first. */
function scanTitles({ words }: Built, terms: string[]): Scored[] {
  const needles = terms.map((term) => ` ${term}`);
  const starts = (text: string) => needles.every((needle) => text.includes(needle));
  // A fiche's words are tested once per fiche, not once per title.
  const fiches = new Map<string, boolean>();
  const ficheMatches = ({ title, fiche }: TitleWords) => {
    const known = fiches.get(title.occupation);
    if (known !== undefined) return known;
    const matches = starts(fiche);
    fiches.set(title.occupation, matches);
    return matches;
  };
  const found: Scored[] = [];
  for (const entry of words) {
    if (starts(entry.own)) found.push({ title: entry.title, score: 1 + 1 / entry.title.label.length });
    else if (ficheMatches(entry))
      found.push({ title: entry.title, score: ficheWeight / entry.title.label.length });
  }
  return found;
}

/** The most an answer holds (the API's limit). */
const maxHits = 100;

/**
 * The answers to every one-letter query, ranked once: a single letter starts the words of
 * thousands of titles, and ranking them all at each keystroke costs up to 20 ms.
 */
let oneLetter: Map<string, TitleHit[]> | undefined;
function oneLetterAnswers(index: Built) {
  const answers = new Map<string, TitleHit[]>();
  for (const letter of 'abcdefghijklmnopqrstuvwxyz')
    answers.set(letter, rankHits(scanTitles(index, [letter]), index.exact.get(letter), maxHits));
  return answers;
}

export function searchJobTitles(query: string, limit: number): TitleHit[] {
  built ??= build();
  oneLetter ??= oneLetterAnswers(built);
  const trimmed = query.trim();
  // A query of small words only ("a", "de"): its letters are the start of a word, not a word to skip.
  const terms =
    searchTerms(trimmed).length > 0
      ? searchTerms(trimmed)
      : foldForSearch(trimmed).split(' ').filter(Boolean);
  const named = built.exact.get(foldForSearch(trimmed));
  const [only, ...others] = terms;
  const ready =
    only !== undefined && others.length === 0 && limit <= maxHits ? oneLetter.get(only) : undefined;
  if (ready) return ready.slice(0, limit);
  let scored: Scored[];
  if (trimmed === '' || /^[a-n]\d{1,4}$/i.test(trimmed)) {
    // Nothing typed, or a ROME code or its start: the titles of those fiches, in code order.
    const prefix = trimmed.toUpperCase();
    scored = [];
    for (const title of built.byCode) {
      if (scored.length >= limit) break;
      if (title.occupation.startsWith(prefix)) scored.push({ title, score: 0 });
    }
  } else {
    scored = terms.some((term) => term.length < shortTerm)
      ? scanTitles(built, terms)
      : searchIndexes(built, trimmed);
  }
  return rankHits(scored, named, limit);
}

/** The final ranking: the exact title, then by weighted score, titles marked "peu usité" last. */
function rankHits(scored: Scored[], named: Set<string> | undefined, limit: number): TitleHit[] {
  return (
    scored
      .map(({ title, score }) => ({
        title,
        tier: tier(title, named?.has(title.code) ?? false),
        score: score * kindWeight(title),
      }))
      // ROME codes are ASCII: a plain comparison, not localeCompare (ten times slower over the
      // thousands of hits of a one-letter prefix).
      .sort((a, b) => a.tier - b.tier || b.score - a.score || byCode(a.title.occupation, b.title.occupation))
      .slice(0, limit)
      .map(({ title }) => ({ title, occupation: findOccupation(title.occupation) as Occupation }))
  );
}
