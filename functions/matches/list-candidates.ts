import { matchReadDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { listCandidatesRoute } from '../../shared/api/matches';
import { listCandidates } from '../../shared/domain/match-operations';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listCandidatesRoute, async ({ params, query, caller, language }) => ({
  status: 200,
  body: await listCandidates(matchReadDeps(uses.listCandidates), caller.sub, params.id, query, language),
}));
