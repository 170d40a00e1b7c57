import { modeInWords } from '../words';

const methods: Record<string, string> = {
  estimate: 'estimé',
  'amazon-location': 'calculé sur le réseau routier',
  timetable: 'calculé avec les horaires des lignes',
};

/** "41 min en transports en commun (estimé)": a commute and how it was obtained. */
export function commuteInWords(commute: {
  minutes: number;
  mode: 'car' | 'transit' | 'bike' | 'walk';
  method: string;
}) {
  return `${Math.round(commute.minutes)} min ${modeInWords(commute.mode)} (${methods[commute.method] ?? 'calculé'})`;
}
