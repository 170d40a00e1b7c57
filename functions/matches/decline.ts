import { matchReadDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { declineMatchRoute } from '../../shared/api/matches';
import { respondToMatch } from '../../shared/domain/match-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(declineMatchRoute, async ({ params, caller, language }) => ({
  status: 200,
  body: await respondToMatch(matchReadDeps(uses.declineMatch), caller.sub, params.id, 'declined', language),
}));
