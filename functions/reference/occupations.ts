import { searchOccupationsRoute } from '../../shared/api/reference';
import { httpHandler } from '../../shared/http/handler';
import { occupationSearch } from '../../shared/reference/search';

export const handler = httpHandler(searchOccupationsRoute, async ({ query }) => ({
  status: 200,
  body: { items: occupationSearch(query.q, query.limit) },
}));
