import { consumedEntities } from '../../infra/consumers';
import { matchingDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { countEvent } from '../../shared/adapters/powertools/observability';
import { streamConsumer } from '../../shared/adapters/powertools/stream-consumer';
import { rematchSeeker, rematchVacancy } from '../../shared/domain/matching/lifecycle';
import { logger } from '../../shared/http/handler';

/**
 * Keeps matches in line with vacancies and seeker profiles. Each record only names what
 * changed; the lifecycle reads the current state, so redelivered, reordered or replayed
 * records converge to the same matches. A record that fails is reported alone.
 */
export const handler = streamConsumer({
  entities: consumedEntities.matcher,
  async onRecord(change) {
    const rematch = change.name === 'Vacancy' ? rematchVacancy : rematchSeeker;
    const result = await rematch(matchingDeps(uses.matcher), change.id);
    logger.debug('rematch', { entity: change.name, result });
    countEvent('matchMade', result.made);
  },
});
