import type { Language } from '../../messages/language';
import type { PageRequest } from '../../ports/store';
import { ValidationError } from '../errors';
import { toInboxEntry } from '../offer';
import { pageOrExplain } from '../paging';
import { deviceIdOf } from './device-id';
import { type OfferDeps, pauseOffers } from './offers';
import { seekerOfUnsubscribeToken } from './unsubscribe-token';

export async function listMyNotifications(
  deps: Pick<OfferDeps, 'offers'>,
  seekerId: string,
  page: PageRequest,
  language: Language,
) {
  const found = await pageOrExplain(() => deps.offers.pageForSeeker(seekerId, page));
  return { ...found, items: found.items.map((o) => toInboxEntry(o, language)) };
}

export const unsubscribe = (deps: Pick<OfferDeps, 'seekers' | 'clock'>, seekerId: string) =>
  pauseOffers(deps, seekerId);

/** The link in every message: no sign-in, the token says who. */
export async function unsubscribeWithToken(deps: OfferDeps, token: string) {
  const seekerId = seekerOfUnsubscribeToken(token, deps.config.unsubscribeSecret);
  if (!seekerId)
    throw new ValidationError([{ field: 'x-unsubscribe-token', message: 'unsubscribe.invalid' }]);
  await pauseOffers(deps, seekerId);
}

export async function registerDevice(
  deps: Pick<OfferDeps, 'devices' | 'clock'>,
  seekerId: string,
  platform: 'android' | 'ios',
  token: string,
) {
  const endpoint = await deps.devices.register(seekerId, platform, token);
  const device = { id: deviceIdOf(token), platform, endpoint, createdAt: deps.clock.now().toISOString() };
  await deps.devices.save(seekerId, device);
  return { id: device.id, platform, createdAt: device.createdAt };
}
