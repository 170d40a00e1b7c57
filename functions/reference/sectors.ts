import { listSectorsRoute } from '../../shared/api/reference';
import { httpHandler } from '../../shared/http/handler';
import { sectorList } from '../../shared/reference/search';

export const handler = httpHandler(listSectorsRoute, async ({ query }) => ({
  status: 200,
  body: { items: sectorList(query.q) },
}));
