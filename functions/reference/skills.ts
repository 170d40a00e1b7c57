import { searchSkillsRoute } from '../../shared/api/reference';
import { httpHandler } from '../../shared/http/handler';
import { skillSearch } from '../../shared/reference/search';

export const handler = httpHandler(searchSkillsRoute, async ({ query }) => ({
  status: 200,
  body: { items: skillSearch(query.q, query.occupation, query.limit) },
}));
