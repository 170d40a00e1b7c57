/**
 * Short notices people read about a commute, an offer or a match: warnings on commute
 * times, why an offer waits or was not sent, why a match was withdrawn. Stored as codes
 * (with params), rendered in the reader's language; a text stored by an older version is shown as it is.
 */
import type { Language } from './language';

type Sentence = Record<Language, (params: Record<string, unknown>) => string>;

/** 330 → "05:30" (minutes after midnight; past 24:00 wraps). */
const clockOf = (minutes: unknown) => {
  const m = ((Number(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

export const noticeSentences = {
  // Commute warnings
  'commute.transitEstimate': {
    fr: () => 'Temps en transports en commun estimé sans les horaires : vérifiez la ligne et ses horaires.',
    en: () => 'Public transport time estimated without timetables: check the line and its times.',
  },
  'commute.bikeEstimate': {
    fr: () =>
      'Temps à vélo estimé à 15 km/h ; le trajet peut manquer de pistes cyclables, le relief n’est pas compté.',
    en: () => 'Cycling time assumes 15 km/h; the route may lack bike lanes and hills are not counted.',
  },
  'commute.walkEstimate': {
    fr: () =>
      'Temps à pied estimé à 4,5 km/h le long des routes ; le chemin peut être plus long ou sans trottoir.',
    en: () => 'Walking time assumes 4.5 km/h along roads; the path may be longer or lack pavements.',
  },
  'commute.townCentre': {
    fr: () => 'Approximatif : le domicile n’est connu qu’à la commune (son centre-bourg).',
    en: () => 'Approximate: home is known only at commune level (its town centre).',
  },
  'commute.centroid': {
    fr: () => 'Approximatif : la commune est placée en son centre géographique, pas au bourg.',
    en: () => 'Approximate: the commune is placed at its geographic centre, not at the village.',
  },
  'commute.noService': {
    fr: (p) => `Pas de transports en commun entre ${p.end} h et ${p.start} h pour ce trajet.`,
    en: (p) => `No public transport between ${p.end}:00 and ${p.start}:00 for this trip.`,
  },
  'commute.noRoute': {
    fr: () => 'Le calcul d’itinéraire n’a pas trouvé de route : temps estimé.',
    en: () => 'The routing service found no route: time estimated.',
  },
  'commute.timetableNoStop': {
    fr: (p) =>
      `Aucun arrêt à moins de ${Number(p.km).toLocaleString('fr-FR')} km à pied dans les horaires chargés : temps estimé.`,
    en: (p) => `No stop within ${p.km} km on foot in the timetables loaded: time estimated.`,
  },
  'commute.timetableNoArrival': {
    fr: (p) => `Aucun trajet en transports en commun n’arrive avant ${clockOf(p.minutes)}.`,
    en: (p) => `No public transport journey arrives by ${clockOf(p.minutes)}.`,
  },
  'commute.timetableNoReturn': {
    fr: (p) => `Aucun trajet en transports en commun pour rentrer après ${clockOf(p.minutes)}.`,
    en: (p) => `No public transport journey home after ${clockOf(p.minutes)}.`,
  },
  'commute.timetableNoDeparture': {
    fr: (p) =>
      `Aucun départ en transports en commun entre ${clockOf(Number(p.hour) * 60)} et ${clockOf(Number(p.hour) * 60 + 60)} d’après les horaires.`,
    en: (p) =>
      `No public transport departure between ${clockOf(Number(p.hour) * 60)} and ${clockOf(Number(p.hour) * 60 + 60)} in the timetables.`,
  },
  // Why a forecast is not published
  'forecast.secret': {
    fr: () =>
      'Certains mois de cette série comptent moins de 11 personnes (secret statistique) : aucune prévision n’est publiée',
    en: () =>
      'Some months of this series are under the statistical secrecy threshold, so no forecast is published',
  },
  'forecast.tooShort': {
    fr: (p) =>
      `Seulement ${p.months} mois complet(s) d’historique ici : une prévision en demande au moins ${p.minimum}`,
    en: (p) => `Only ${p.months} complete month(s) of history here: a forecast needs at least ${p.minimum}`,
  },
  // Why an offer waits or was not sent (inbox)
  'offer.quietHours': {
    fr: () => 'En attente : heures calmes, envoi à leur fin',
    en: () => 'Waiting: quiet hours, sent when they end',
  },
  'offer.dailyCap': {
    fr: () => 'Limite d’offres par jour atteinte : dans le récapitulatif de demain',
    en: () => 'Daily limit of offers reached: in tomorrow’s digest',
  },
  'offer.dailyCapBetter': {
    fr: () => 'Arrivée après vos SMS du jour, meilleure que l’un d’eux : en tête du récapitulatif de demain',
    en: () => 'Came after today’s texts and beats one of them: first in tomorrow’s digest',
  },
  'offer.vacancyClosed': {
    fr: () => 'L’offre a été close avant l’envoi',
    en: () => 'The vacancy was closed before sending',
  },
  'offer.matchGone': { fr: () => 'Ce rapprochement n’existe plus', en: () => 'This match no longer exists' },
  'offer.noConsent': {
    fr: () => 'Vous ne souhaitez plus être proposé aux employeurs',
    en: () => 'You no longer wish to be shown to employers',
  },
  'offer.paused': {
    fr: () => 'Les offres sont en pause ou désabonnées',
    en: () => 'Offers are paused or unsubscribed',
  },
  'offer.noDevice': {
    fr: () => 'Notifications choisies, mais aucun téléphone enregistré',
    en: () => 'Phone notifications chosen but no phone registered',
  },
  // Why a match was withdrawn
  'match.vacancyClosed': { fr: () => 'L’offre a été close', en: () => 'The vacancy was closed' },
  'match.vacancyRemoved': { fr: () => 'L’offre a été retirée', en: () => 'The vacancy was removed' },
  'match.consentWithdrawn': {
    fr: () => 'La personne ne souhaite plus être proposée aux employeurs',
    en: () => 'The person no longer wishes to be shown to employers',
  },
  'match.noLongerFits': {
    fr: () => 'Le poste ou le profil a changé et ne correspond plus',
    en: () => 'The vacancy or the profile changed and no longer fits',
  },
  // What an employer is told in the app
  'employer.accepted': {
    fr: (p) => `${p.name || 'Un candidat'} a accepté votre offre « ${p.title} » : vous pouvez le contacter.`,
    en: (p) => `${p.name || 'A candidate'} accepted your vacancy "${p.title}": you may contact them.`,
  },
  'employer.answerWithdrawn': {
    fr: (p) => `Un candidat avait accepté « ${p.title} », puis a retiré sa réponse.`,
    en: (p) => `A candidate had accepted "${p.title}", then took their answer back.`,
  },
} satisfies Record<string, Sentence>;
export type NoticeCode = keyof typeof noticeSentences;

/** A stored notice in words: a known code is rendered; any other text (older items) is shown as it is. */
export function noticeText(notice: string, language: Language, params: Record<string, unknown> = {}): string {
  const sentence = (noticeSentences as Record<string, Sentence>)[notice];
  return sentence ? sentence[language](params) : notice;
}
