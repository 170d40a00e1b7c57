import { travelTime } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { commuteRoute } from '../../shared/api/reference';
import { commuteBetween } from '../../shared/domain/match-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(commuteRoute, async ({ query, language }) => ({
  status: 200,
  body: await commuteBetween(travelTime(uses.commute), query, language),
}));
