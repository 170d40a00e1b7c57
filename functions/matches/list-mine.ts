import { matchReadDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { listMyMatchesRoute } from '../../shared/api/matches';
import { listMyMatches } from '../../shared/domain/match-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listMyMatchesRoute, async ({ query, caller, language }) => ({
  status: 200,
  body: await listMyMatches(matchReadDeps(uses.listMyMatches), caller.sub, query, language),
}));
