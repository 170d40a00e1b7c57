import { searchEpcisRoute } from '../../shared/api/reference';
import { httpHandler } from '../../shared/http/handler';
import { searchEpcis } from '../../shared/reference/communes';

export const handler = httpHandler(searchEpcisRoute, async ({ query }) => ({
  status: 200,
  body: { items: searchEpcis(query.q, query.limit) },
}));
