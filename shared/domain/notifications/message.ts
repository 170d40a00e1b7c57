import { modeWords } from '../../messages/words';
import type { Offer } from '../offer';

/** Short French SMS/push text: title, commune, commute, link to the match, one-click stop. */
export function offerText(offer: Offer, links: { match: string; unsubscribe: string }): string {
  const commute = `${offer.commute.minutes} min ${modeWords[offer.commute.mode].fr}`;
  return `Bassin : ${offer.vacancy.title} à ${offer.vacancy.commune.name} (${commute}). Voir : ${links.match} — Stop : ${links.unsubscribe}`;
}

/** One message for the offers that waited for the next day because of the daily cap. */
export function digestText(offers: Offer[], links: { matches: string; unsubscribe: string }): string {
  const list = offers
    .slice(0, 5)
    .map((o) => `${o.vacancy.title} (${o.vacancy.commune.name})`)
    .join(' ; ');
  const more = offers.length > 5 ? ` et ${offers.length - 5} autre(s)` : '';
  return `Bassin : ${offers.length} offre(s) pour vous : ${list}${more}. Voir : ${links.matches} — Stop : ${links.unsubscribe}`;
}
