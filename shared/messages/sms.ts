/**
 * The SMS and push texts of offers, in French (seekers are in France; a message has no
 * Accept-Language): the job as the employer titled it, the commune by name, the commute in
 * words, a link to the offer and a one-click stop. Part of the one message catalogue.
 */
import type { Offer } from '../domain/offer';
import { modeWords } from './words';

/** One offer: title, commune, commute, link to the offer, one-click stop. */
export function offerText(offer: Offer, links: { match: string; unsubscribe: string }): string {
  const commute = `${offer.commute.minutes} min ${modeWords[offer.commute.mode].fr}`;
  return `Bassin : ${offer.vacancy.title} à ${offer.vacancy.commune.name} (${commute}). Voir : ${links.match} — Stop : ${links.unsubscribe}`;
}

/**
 * One message for the offers that waited for the next day because of the daily cap, in the
 * order given (best first), with a note when some came after the day's SMS and beat them.
 */
export function digestText(offers: Offer[], links: { matches: string; unsubscribe: string }): string {
  const late = offers.some((o) => o.reason === 'offer.dailyCapBetter')
    ? ' Certaines, meilleures que vos SMS d’hier, sont arrivées après eux.'
    : '';
  const list = offers
    .slice(0, 5)
    .map((o) => `${o.vacancy.title} (${o.vacancy.commune.name})`)
    .join(' ; ');
  const more = offers.length > 5 ? ` et ${offers.length - 5} autre(s)` : '';
  return `Bassin : ${offers.length} offre(s) pour vous : ${list}${more}.${late} Voir : ${links.matches} — Stop : ${links.unsubscribe}`;
}
