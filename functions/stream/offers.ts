import { consumedEntities } from '../../infra/consumers';
import { employerNoticeDeps, offerDepsWithSecret } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { streamConsumer } from '../../shared/adapters/powertools/stream-consumer';
import { noticeAcceptance } from '../../shared/domain/employer-notices';
import type { Match } from '../../shared/domain/match';
import { onMatchChanged, publishOffer } from '../../shared/domain/notifications/offers';
import type { Offer } from '../../shared/domain/offer';
import { logger } from '../../shared/http/handler';

/**
 * Matches become queued offers (once per pair), answers are counted for the vacancy's
 * waves, and offers a wave released to go out now are published to the `offers` topic:
 * the offer item is the outbox, so a failed publish is retried from the stream.
 * An accepted match also becomes a notice for the employer (once per answer).
 */
export const handler = streamConsumer({
  entities: consumedEntities.offers,
  async onRecord(change) {
    const deps = await offerDepsWithSecret(uses.offers);
    if (change.name === 'Match') {
      const image = hintOf(() => change.newImage() ?? change.oldImage());
      const offer = mayNeedOffer(image, deps.config.notifyThreshold);
      const notice = mayNeedNotice(image);
      const match = offer || notice ? await deps.matches.get(change.id) : undefined;
      if (match && offer) logger.debug('offer for match', { outcome: await onMatchChanged(deps, match) });
      if (match && notice) await noticeAcceptance(employerNoticeDeps(uses.offers), match);
      return;
    }
    const offer = change.newImage();
    if (offer && releasedToGo(change.oldImage(), offer)) await publishOffer(deps, offer);
  },
});

/**
 * An offer that became pending (a wave or the end of quiet hours released it), not one
 * put back after a failed send (the queue retries that one).
 */
function releasedToGo(before: Offer | undefined, after: Offer): boolean {
  return after.status === 'pending' && before?.status !== 'pending' && before?.status !== 'sending';
}

/** An image that does not read as a current match (an older item, say) hints nothing: the match is read. */
function hintOf(read: () => Match | undefined): Match | undefined | 'unreadable' {
  try {
    return read();
  } catch {
    return 'unreadable';
  }
}

/**
 * The image is a hint, the current match decides: an active match under the threshold and
 * not answered needs nothing, and any change that could make it need something comes with
 * its own record, so only the others are read again.
 */
function mayNeedOffer(image: Match | undefined | 'unreadable', threshold: number): boolean {
  if (image === 'unreadable') return true;
  if (!image) return false;
  if (image.status !== 'active') return true;
  return image.score >= threshold || image.response !== 'pending';
}

/** Only an accepted answer can become a notice for the employer (the current match decides). */
const mayNeedNotice = (image: Match | undefined | 'unreadable') =>
  image === 'unreadable' || (image?.status === 'active' && image.response === 'accepted');
