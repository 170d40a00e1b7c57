import { routes } from '../../infra/routes';
import { openApiRoute } from '../../shared/api/system';
import { httpHandler } from '../../shared/http/handler';
import { openApiDocument } from '../../shared/http/openapi';

let document: object | undefined;

export const handler = httpHandler(openApiRoute, async () => {
  document ??= openApiDocument(routes.map((route) => route.contract));
  return { status: 200, body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
