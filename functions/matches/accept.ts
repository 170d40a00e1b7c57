import { matchReadDeps } from '../../shared/adapters/dependencies';
import { acceptMatchRoute } from '../../shared/api/matches';
import { respondToMatch } from '../../shared/domain/match-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(acceptMatchRoute, async ({ params, caller, language }) => ({
  status: 200,
  body: await respondToMatch(matchReadDeps(), caller.sub, params.id, 'accepted', language),
}));
