import { matchReadDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { getMyMatchRoute } from '../../shared/api/matches';
import { getMyMatch } from '../../shared/domain/match-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(getMyMatchRoute, async ({ params, caller, language }) => ({
  status: 200,
  body: await getMyMatch(matchReadDeps(uses.getMyMatch), caller.sub, params.id, language),
}));
