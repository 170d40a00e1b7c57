import { consumedEntities } from '../../infra/consumers';
import { countingDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { streamConsumer } from '../../shared/adapters/powertools/stream-consumer';
import { entityKey } from '../../shared/domain/planning/codes';
import { countEntity } from '../../shared/domain/planning/counting';
import { logger } from '../../shared/http/handler';

/**
 * Keeps the monthly planning figures in line with vacancies, seeker profiles and matches.
 * A record only names what changed: the entity is counted again from its current state
 * and only the difference is applied, so redelivered or replayed batches change nothing.
 */
export const handler = streamConsumer({
  entities: consumedEntities.statistics,
  async onRecord(change) {
    const key = entityKey.encode(change.kind.counted, change.id);
    logger.debug('counted', { key, result: await countEntity(countingDeps(uses.statistics), key) });
  },
});
