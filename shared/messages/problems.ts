/**
 * Error messages people read (RFC 9457 `detail` and each field's `detail`), in French by
 * default and in English on request. Domain and edge errors carry a key of this catalogue
 * (and params); zod's own messages come from its locales (shared/messages/validation.ts).
 */
import type { Group } from '../http/route-contract';
import type { Language } from './language';
import { groupWords, listOf } from './words';

type Sentence = Record<Language, (params: Record<string, unknown>) => string>;
const groupList = (groups: unknown, language: Language) =>
  listOf(
    (groups as Group[]).map((group) => groupWords[group][language]),
    language,
  );
const fixed = (fr: string, en: string): Sentence => ({ fr: () => fr, en: () => en });

export const problemTitles: Record<number, Record<Language, string>> = {
  400: { fr: 'Requête invalide', en: 'Bad Request' },
  401: { fr: 'Non authentifié', en: 'Unauthorized' },
  403: { fr: 'Accès refusé', en: 'Forbidden' },
  404: { fr: 'Introuvable', en: 'Not Found' },
  405: { fr: 'Méthode non permise', en: 'Method Not Allowed' },
  409: { fr: 'Conflit', en: 'Conflict' },
  412: { fr: 'Version périmée', en: 'Precondition Failed' },
  413: { fr: 'Contenu trop volumineux', en: 'Content Too Large' },
  415: { fr: 'Type de contenu non pris en charge', en: 'Unsupported Media Type' },
  422: { fr: 'Demande impossible à traiter', en: 'Unprocessable Content' },
  428: { fr: 'Version requise', en: 'Precondition Required' },
  429: { fr: 'Trop de requêtes', en: 'Too Many Requests' },
  500: { fr: 'Erreur interne', en: 'Internal Server Error' },
  503: { fr: 'Service momentanément indisponible', en: 'Service Unavailable' },
};

export const problemSentences = {
  // The HTTP edge
  'http.invalid': {
    fr: (p) => `Certaines valeurs sont invalides (${p.fields}) : voir errors`,
    en: (p) => `Invalid input in ${p.fields}: see errors`,
  },
  'http.unauthenticated': fixed(
    'Connectez-vous : un jeton valide est requis',
    'A valid bearer token is required',
  ),
  'http.forbidden': {
    fr: (p) => `Cette action est réservée aux ${groupList(p.groups, 'fr')}`,
    en: (p) => `This route is for ${groupList(p.groups, 'en')}`,
  },
  'http.tooLarge': {
    fr: (p) => `Le contenu fait ${p.bytes} octets ; la limite est ${p.limit}`,
    en: (p) => `The body is ${p.bytes} bytes; the limit is ${p.limit}`,
  },
  'http.noRoute': {
    fr: (p) => `Il n’y a rien à l’adresse ${p.path} de l’API`,
    en: (p) => `No route for ${p.path}`,
  },
  'http.methodNotAllowed': {
    fr: (p) => `${p.method} n’est pas possible à cette adresse (possible : ${p.allow})`,
    en: (p) => `${p.method} is not allowed here (allowed: ${p.allow})`,
  },
  'http.notJson': fixed('Envoyez le contenu en application/json', 'Send the body as application/json'),
  'http.bodyRequired': fixed('Un contenu JSON est requis', 'A JSON body is required'),
  'http.malformedJson': fixed('JSON mal formé', 'Malformed JSON'),
  'http.unknownField': fixed('Champ inconnu', 'Unknown field'),
  'http.internal': fixed(
    'Une erreur est survenue de notre côté ; elle a été enregistrée.',
    'Something went wrong on our side; it has been logged.',
  ),
  'http.busy': fixed(
    'Le service est chargé ; réessayez dans un instant.',
    'The service is busy; try again in a moment.',
  ),
  'http.ifMatch': fixed('Attendu : une version comme "3"', 'Expected a version such as "3"'),
  'http.badCursor': fixed(
    'Ce curseur n’a pas été délivré pour cette liste',
    'This cursor was not issued for this list',
  ),
  'idempotency.missing': fixed(
    'Envoyez un en-tête Idempotency-Key (8 à 255 caractères imprimables, par exemple un UUID)',
    'Send an Idempotency-Key header (8–255 printable characters, e.g. a UUID)',
  ),
  'idempotency.invalid': fixed('Clé invalide', 'Invalid key'),
  'idempotency.required': fixed('Obligatoire pour cette création', 'Required on this POST'),
  'idempotency.inProgress': fixed(
    'Une requête avec cette Idempotency-Key est en cours ; réessayez dans un instant',
    'A request with this Idempotency-Key is still being processed; retry shortly',
  ),
  'idempotency.otherBody': fixed(
    'Cette Idempotency-Key a déjà servi avec un autre contenu',
    'This Idempotency-Key was used with a different body',
  ),
  // The domain
  'notFound.vacancy': fixed('Offre introuvable parmi les vôtres', 'No such vacancy among yours'),
  'notFound.match': fixed('Rapprochement introuvable parmi les vôtres', 'No such match among yours'),
  'notFound.profile': fixed('Vous n’avez pas encore de profil', 'You have no profile yet'),
  'notFound.area': fixed('Zone introuvable', 'No such area'),
  'notFound.scenario': fixed('Scénario introuvable', 'No such scenario'),
  'conflict.vacancyClosed': fixed(
    'Une offre close ne peut plus être modifiée',
    'A closed vacancy cannot be changed',
  ),
  'conflict.matchWithdrawn': fixed('Ce rapprochement a été retiré', 'This match was withdrawn'),
  'conflict.builtInArea': {
    fr: (p) => `« ${p.id} » est une zone prédéfinie ; choisissez un autre identifiant`,
    en: (p) => `"${p.id}" is a built-in area; choose another id for your own area`,
  },
  'conflict.tooManyScenarios': {
    fr: (p) => `Au plus ${p.max} scénarios ; remplacez-en un`,
    en: (p) => `At most ${p.max} scenarios; replace or reuse one`,
  },
  'conflict.tooManyAreas': {
    fr: (p) => `Au plus ${p.max} zones personnalisées ; remplacez-en une`,
    en: (p) => `At most ${p.max} custom areas; replace or reuse one`,
  },
  'precondition.failed': {
    fr: (p) => `Quelqu’un a modifié cet élément entre-temps : la version actuelle est ${p.version}`,
    en: (p) => `The resource has changed: current version is ${p.version}`,
  },
  'precondition.required': fixed(
    'Cette modification doit indiquer la version lue (en-tête If-Match)',
    'This update needs an If-Match header with the version you read',
  ),
  'location.home': {
    fr: (p) => `La commune ${p.commune} n’a pas de position connue : choisissez une commune voisine`,
    en: (p) => `The commune ${p.commune} has no known position: pick a neighbouring commune`,
  },
  'location.site': {
    fr: (p) => `La commune ${p.commune} n’a pas de position connue : indiquez les coordonnées du site`,
    en: (p) => `The commune ${p.commune} has no known position: give the site's coordinates`,
  },
  'location.commune': {
    fr: (p) => `La commune ${p.commune} n’a pas de position connue`,
    en: (p) => `The commune ${p.commune} has no known position`,
  },
  'unsubscribe.invalid': fixed(
    'Ce lien de désabonnement n’est pas valide',
    'This unsubscribe link is not valid',
  ),
  'planning.unknownArea': {
    fr: (p) => `Zone inconnue « ${p.id} » : choisissez-en une dans la liste des zones`,
    en: (p) => `Unknown area "${p.id}" (see GET /v1/planning/areas; also epci-<SIREN>, dep-<code>)`,
  },
  'planning.fromAfterTo': fixed('Le début ne doit pas être après la fin', 'from must not be after to'),
  'planning.tooManyMonths': {
    fr: (p) => `Au plus ${p.max} mois par demande`,
    en: (p) => `At most ${p.max} months per query`,
  },
  // Field rules (zod schemas carry these keys as their messages)
  'field.communeCode': fixed(
    'Un code commune INSEE a 5 caractères, par exemple 64445 (Pau) : cherchez la commune par son nom',
    'An INSEE commune code has 5 characters, e.g. 64445 (Pau): search the commune by name',
  ),
  'field.unknownCommune': fixed('Commune inconnue', 'Unknown commune'),
  'field.romeCode': fixed(
    'Un code ROME est une lettre et 4 chiffres, par exemple H2913 : cherchez le métier par son nom',
    'A ROME code is a letter and 4 digits, e.g. H2913: search the job by its name',
  ),
  'field.unknownOccupation': fixed('Métier inconnu du ROME', 'Unknown ROME occupation'),
  'field.jobTitleCode': fixed(
    'Une appellation ROME se désigne par son code OGR (des chiffres) : cherchez le métier par son nom',
    'A ROME job title is given by its OGR code (digits): search the job by its name',
  ),
  'field.unknownJobTitle': fixed('Appellation inconnue du ROME', 'Unknown ROME job title'),
  'field.jobTitleMismatch': {
    fr: (p) => `L’appellation choisie relève du métier ${p.expected}, pas de celui-ci`,
    en: (p) => `The job title chosen belongs to ${p.expected}, not to this occupation`,
  },
  'field.occupationRequired': fixed(
    'Indiquez au moins un métier (appellation ou code ROME)',
    'Give at least one job (job title or ROME code)',
  ),
  'field.tooManyOccupations': {
    fr: (p) => `Au plus ${p.max} métiers`,
    en: (p) => `At most ${p.max} occupations`,
  },
  'field.occupationOrTitle': fixed(
    'Indiquez le métier : une appellation (jobTitle) ou un code ROME (occupation)',
    'Give the job: a job title (jobTitle) or a ROME code (occupation)',
  ),
  'field.unknownSkill': fixed('Compétence inconnue du référentiel', 'Unknown skill code'),
  'field.skill': fixed(
    'Une compétence est un texte ou un code du référentiel',
    'A skill is a text or a code of the referential',
  ),
  'field.phone': fixed(
    'Ce numéro n’est pas un numéro de mobile français ou européen (par exemple 06 12 34 56 78)',
    'This is not a French or EU mobile number (e.g. +33 6 12 34 56 78)',
  ),
  'field.phoneRequired': fixed(
    'Un numéro de mobile est nécessaire pour recevoir les offres par SMS',
    'A mobile number is needed to receive offers by SMS',
  ),
  'field.repeated': fixed('Les valeurs ne doivent pas se répéter', 'Values must not repeat'),
  'field.plainText': fixed(
    'Caractères de contrôle, inversions du sens d’écriture et unicode invalide interdits',
    'Control characters, direction overrides and broken unicode are not allowed',
  ),
  'field.clockTime': fixed('Une heure comme 20:00', 'A time like 20:00'),
  'field.salaryOrder': fixed('Le minimum ne doit pas dépasser le maximum', 'min must not exceed max'),
  'field.patchEmpty': fixed(
    'Une modification doit changer au moins un champ',
    'A patch must change at least one field',
  ),
  'field.epciCode': fixed(
    'Une intercommunalité se désigne par son code SIREN à 9 chiffres : choisissez-la par son nom',
    'An EPCI is named by its 9-digit SIREN, e.g. 200067254',
  ),
  'field.unknownEpci': fixed('Intercommunalité inconnue', 'Unknown EPCI SIREN code'),
  'field.areaId': fixed(
    'Lettres minuscules, chiffres et tirets, de 2 à 40 caractères',
    'Lower-case letters, digits and hyphens, 2–40 characters',
  ),
  'field.areaEmpty': fixed(
    'Une zone contient au moins une intercommunalité ou une commune',
    'An area needs at least one EPCI or commune',
  ),
  'field.matchId': fixed('Un identifiant de rapprochement a 22 caractères', 'A match id has 22 characters'),
  'field.shiftStartNotWorked': fixed(
    'Une heure de début est donnée pour un poste que l’offre ne comporte pas',
    'A start is given for a shift the vacancy does not work',
  ),
  'field.stopsInOrder': fixed(
    'Le premier arrêt est à la minute 0 et chaque arrêt vient après le précédent',
    'The first stop is at minute 0 and each stop comes after the one before',
  ),
  'field.noPoint': fixed('Cette commune n’a pas de point connu', 'This commune has no known point'),
  'field.placeOrArea': fixed(
    'Indiquez une commune (un site) ou une zone, pas les deux',
    'Give either a commune (a site) or an area, not both',
  ),
  'field.month': fixed('Un mois s’écrit AAAA-MM, par exemple 2026-03', 'A month is YYYY-MM, e.g. 2026-03'),
} satisfies Record<string, Sentence>;
export type ProblemKey = keyof typeof problemSentences;

/** A message key of this catalogue in words; any other text is returned as it is. */
export function problemText(
  message: string,
  language: Language,
  params: Record<string, unknown> = {},
): string {
  const sentence = (problemSentences as Record<string, Sentence>)[message];
  return sentence ? sentence[language](params) : message;
}
