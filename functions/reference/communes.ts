import { searchCommunesRoute } from '../../shared/api/reference';
import { httpHandler } from '../../shared/http/handler';
import { communeSearch } from '../../shared/reference/search';

export const handler = httpHandler(searchCommunesRoute, async ({ query }) => ({
  status: 200,
  body: { items: communeSearch(query.q, query.limit) },
}));
