/** Names of the small vocabularies people see: commute modes, shifts, contracts (French, English). */
import type { Group } from '../http/route-contract';
import type { Language } from './language';

type Words<K extends string> = Record<K, Record<Language, string>>;

export const modeWords: Words<'car' | 'transit' | 'bike' | 'walk'> = {
  car: { fr: 'en voiture', en: 'by car' },
  transit: { fr: 'en transports en commun', en: 'by public transport' },
  bike: { fr: 'à vélo', en: 'by bike' },
  walk: { fr: 'à pied', en: 'on foot' },
};

/** A shift as a name ("Nuit") and as a complement ("un poste de nuit"). */
export const shiftWords: Words<'day' | 'morning' | 'afternoon' | 'night'> = {
  day: { fr: 'Journée', en: 'Day' },
  morning: { fr: 'Matin', en: 'Morning' },
  afternoon: { fr: 'Après-midi', en: 'Afternoon' },
  night: { fr: 'Nuit', en: 'Night' },
};
export const shiftPost: Words<'day' | 'morning' | 'afternoon' | 'night'> = {
  day: { fr: 'un poste de journée', en: 'a day shift' },
  morning: { fr: 'un poste du matin', en: 'a morning shift' },
  afternoon: { fr: "un poste d'après-midi", en: 'an afternoon shift' },
  night: { fr: 'un poste de nuit', en: 'a night shift' },
};

/** Who may call a route, as a 403 names them ("réservée aux employeurs"). */
export const groupWords: Words<Group> = {
  employer: { fr: 'employeurs', en: 'employers' },
  seeker: { fr: 'demandeurs d’emploi', en: 'job seekers' },
  planner: { fr: 'équipes de planification', en: 'planners' },
  admin: { fr: 'administrateurs', en: 'administrators' },
};

export const contractWords: Words<'CDI' | 'CDD' | 'interim' | 'apprenticeship'> = {
  CDI: { fr: 'CDI', en: 'Permanent (CDI)' },
  CDD: { fr: 'CDD', en: 'Fixed-term (CDD)' },
  interim: { fr: 'Intérim', en: 'Temporary (agency)' },
  apprenticeship: { fr: 'Apprentissage', en: 'Apprenticeship' },
};

export const channelWords: Words<'sms' | 'push' | 'none'> = {
  sms: { fr: 'SMS', en: 'Text message' },
  push: { fr: 'Notification sur le téléphone', en: 'Phone notification' },
  none: { fr: 'Aucun message', en: 'No messages' },
};

/** "a, b et c" / "a, b and c". */
export function listOf(items: string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}
