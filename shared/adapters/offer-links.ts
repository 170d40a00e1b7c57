import type { OfferLinks } from '../domain/notifications/offer-deps';
import { unsubscribeToken } from '../domain/notifications/unsubscribe-token';

/**
 * The web addresses messages carry, built here at the edge from the public URL: the offer's
 * page (`/m/<id>`), the inbox (`/m`), the one-click stop (`/u/<signed token>`). The web app
 * and the one-click route read the same paths.
 */
export const offerLinks = (publicUrl: string, unsubscribeSecret: string): OfferLinks => ({
  offer: (offerId) => `${publicUrl}/m/${offerId}`,
  inbox: () => `${publicUrl}/m`,
  unsubscribe: (seekerId) => `${publicUrl}/u/${unsubscribeToken(seekerId, unsubscribeSecret)}`,
});
