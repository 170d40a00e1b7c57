import { matchReadDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { acceptMatchRoute } from '../../shared/api/matches';
import { respondToMatch } from '../../shared/domain/match-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(acceptMatchRoute, async ({ params, caller, language }) => ({
  status: 200,
  body: await respondToMatch(matchReadDeps(uses.acceptMatch), caller.sub, params.id, 'accepted', language),
}));
