/**
 * Why a seeker fits a vacancy or not, in words: one sentence per criterion code. Matching
 * stores `{ criterion, met, code, params }` (shared/domain/matching/evaluate.ts); the API, the
 * web app, SMS and inbox render the sentence from this one catalogue. Params carry labels
 * (job titles, skills, sectors), never codes, so no sentence needs a reference lookup.
 */
import type { Language } from './language';
import { contractWords, listOf, modeWords, shiftPost, shiftWords } from './words';

type Mode = keyof typeof modeWords;
type Shift = keyof typeof shiftWords;
type Contract = keyof typeof contractWords;

export interface CommuteMiss {
  mode: Mode;
  shift: Shift;
  /** Minutes of the longer trip when it exists but is over the limit. */
  minutes?: number;
  /** No service at that hour (public transport at night). */
  noService?: boolean;
}

interface LegParams {
  line: string;
  from: string;
  to: string;
  departure: string;
  arrival: string;
}
interface TripsParams {
  outbound: { legs: LegParams[] };
  back: { legs: LegParams[] };
}

/** "TER 05:12 Mourenx → Lacq, arrivée 05:31 ; retour 14:07" (", puis …" for each change). */
export function tripsText(trips: TripsParams, language: Language): string {
  const then = language === 'fr' ? ', puis ' : ', then ';
  const legs = trips.outbound.legs.map((l) => `${l.line} ${l.departure} ${l.from} → ${l.to}`).join(then);
  const arrival = trips.outbound.legs[trips.outbound.legs.length - 1]?.arrival ?? '';
  const back = trips.back.legs[0]?.departure ?? '';
  return language === 'fr'
    ? `${legs}, arrivée ${arrival} ; retour ${back}`
    : `${legs}, arriving ${arrival}; back at ${back}`;
}

export interface ReasonParams {
  'sector.match': { sector: string };
  'sector.mismatch': { sector: string; wanted: string[] };
  'vacancy.closed': Record<string, never>;
  'consent.missing': Record<string, never>;
  'shifts.common': { shifts: Shift[] };
  'shifts.none': { vacancy: Shift[]; seeker: Shift[] };
  'commute.within': {
    mode: Mode;
    minutes: number;
    limit: number;
    shift: Shift;
    method: string;
    /** With `method: timetable`: the vehicles there and back. */
    trips?: TripsParams;
  };
  'commute.unreachable': { limit: number; misses: CommuteMiss[] };
  'occupation.same': { occupation: string };
  'occupation.sameParent': { wanted: string; offered: string; parent: string };
  'occupation.sameDomain': { wanted: string; offered: string; domain: string };
  'occupation.other': { wanted: string };
  'skills.noneAsked': Record<string, never>;
  'skills.all': { required: number };
  'skills.missing': { missing: string[]; required: number };
  'contract.noPreference': { contract: Contract };
  'contract.wanted': { contract: Contract };
  'contract.unwanted': { contract: Contract; wanted: Contract[] };
}
export type ReasonCode = keyof ReasonParams;

type Sentences = { [K in ReasonCode]: Record<Language, (params: ReasonParams[K]) => string> };

const shifts = (list: Shift[], language: Language) =>
  listOf(
    list.map((shift) => shiftWords[shift][language].toLowerCase()),
    language,
  );
const missText = (miss: CommuteMiss, limit: number, language: Language) => {
  const mode = modeWords[miss.mode][language];
  const post = shiftPost[miss.shift][language];
  if (miss.noService)
    return language === 'fr' ? `${mode}, pas de service pour ${post}` : `${mode}, no service for ${post}`;
  return language === 'fr'
    ? `${mode} ${miss.minutes} min pour ${post} (limite : ${limit} min)`
    : `${mode} ${miss.minutes} min for ${post} (limit: ${limit} min)`;
};
const estimated = (method: string, language: Language) =>
  method === 'estimate'
    ? language === 'fr'
      ? ' estimé à'
      : ' estimated at'
    : language === 'fr'
      ? ' de'
      : ' of';

export const reasonSentences: Sentences = {
  'sector.match': {
    fr: ({ sector }) => `Secteur recherché : ${sector}`,
    en: ({ sector }) => `Sector wanted: ${sector}`,
  },
  'sector.mismatch': {
    fr: ({ sector, wanted }) =>
      `Le secteur ${sector} n’est pas parmi ceux recherchés (${listOf(wanted, 'fr')})`,
    en: ({ sector, wanted }) => `The sector ${sector} is not among those wanted (${listOf(wanted, 'en')})`,
  },
  'vacancy.closed': { fr: () => 'L’offre est close', en: () => 'The vacancy is closed' },
  'consent.missing': {
    fr: () => 'La personne n’a pas accepté d’être proposée aux employeurs',
    en: () => 'The person has not agreed to be shown to employers',
  },
  'shifts.common': {
    fr: (p) => `Horaires compatibles : ${shifts(p.shifts, 'fr')}`,
    en: (p) => `Matching shifts: ${shifts(p.shifts, 'en')}`,
  },
  'shifts.none': {
    fr: (p) =>
      `Horaires incompatibles : poste en ${shifts(p.vacancy, 'fr')}, disponible en ${shifts(p.seeker, 'fr')}`,
    en: (p) =>
      `Shifts do not match: the job is ${shifts(p.vacancy, 'en')}, the person works ${shifts(p.seeker, 'en')}`,
  },
  'commute.within': {
    fr: (p) =>
      `Trajet ${modeWords[p.mode].fr}${estimated(p.method, 'fr')} ${p.minutes} min pour ${shiftPost[p.shift].fr} (limite : ${p.limit} min)${p.trips ? ` : ${tripsText(p.trips, 'fr')}` : ''}`,
    en: (p) =>
      `Commute ${modeWords[p.mode].en}${estimated(p.method, 'en')} ${p.minutes} min for ${shiftPost[p.shift].en} (limit: ${p.limit} min)${p.trips ? `: ${tripsText(p.trips, 'en')}` : ''}`,
  },
  'commute.unreachable': {
    fr: (p) =>
      `Trajet trop long ou impossible : ${p.misses.map((m) => missText(m, p.limit, 'fr')).join(' ; ')}`,
    en: (p) =>
      `Commute too long or impossible: ${p.misses.map((m) => missText(m, p.limit, 'en')).join('; ')}`,
  },
  'occupation.same': {
    fr: ({ occupation }) => `Même métier : ${occupation}`,
    en: ({ occupation }) => `Same job: ${occupation}`,
  },
  'occupation.sameParent': {
    fr: (p) => `Métier proche : ${p.offered} (même famille que ${p.wanted} : ${p.parent})`,
    en: (p) => `Close job: ${p.offered} (same family as ${p.wanted}: ${p.parent})`,
  },
  'occupation.sameDomain': {
    fr: (p) => `Métier du même domaine : ${p.offered} (${p.domain})`,
    en: (p) => `Job in the same field: ${p.offered} (${p.domain})`,
  },
  'occupation.other': {
    fr: ({ wanted }) => `Autre métier que celui demandé : ${wanted}`,
    en: ({ wanted }) => `Another job than the one asked for: ${wanted}`,
  },
  'skills.noneAsked': {
    fr: () => 'Aucune compétence particulière demandée',
    en: () => 'No particular skill asked for',
  },
  'skills.all': {
    fr: ({ required }) =>
      required === 1 ? 'La compétence demandée est là' : `Les ${required} compétences demandées sont là`,
    en: ({ required }) =>
      required === 1 ? 'Has the skill asked for' : `Has all ${required} skills asked for`,
  },
  'skills.missing': {
    fr: ({ missing, required }) =>
      `Il manque ${missing.length} compétence${missing.length > 1 ? 's' : ''} sur ${required} : ${listOf(missing, 'fr')}`,
    en: ({ missing, required }) =>
      `Missing ${missing.length} skill${missing.length > 1 ? 's' : ''} of ${required}: ${listOf(missing, 'en')}`,
  },
  'contract.noPreference': {
    fr: ({ contract }) => `${contractWords[contract].fr} (aucune préférence de contrat indiquée)`,
    en: ({ contract }) => `${contractWords[contract].en} (no contract preference stated)`,
  },
  'contract.wanted': {
    fr: ({ contract }) => `${contractWords[contract].fr} : un contrat recherché`,
    en: ({ contract }) => `${contractWords[contract].en}: a contract wanted`,
  },
  'contract.unwanted': {
    fr: ({ contract, wanted }) =>
      `${contractWords[contract].fr} n’est pas parmi les contrats recherchés (${listOf(
        wanted.map((c) => contractWords[c].fr),
        'fr',
      )})`,
    en: ({ contract, wanted }) =>
      `${contractWords[contract].en} is not among the contracts wanted (${listOf(
        wanted.map((c) => contractWords[c].en),
        'en',
      )})`,
  },
};

/** The sentence of a stored reason; an unknown code (an item written by an older version) gets a neutral one. */
export function reasonText(
  code: string | undefined,
  params: unknown,
  met: boolean,
  language: Language,
): string {
  const sentence = code
    ? (reasonSentences as Record<string, Record<Language, (p: never) => string>>)[code]
    : undefined;
  if (sentence) return sentence[language](params as never);
  if (language === 'fr') return met ? 'Critère rempli' : 'Critère non rempli';
  return met ? 'Criterion met' : 'Criterion not met';
}
