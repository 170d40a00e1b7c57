import { healthRoute } from '../../shared/api/system';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(healthRoute, async () => ({
  status: 200,
  body: { status: 'ok' as const, version: process.env.BASSIN_VERSION ?? 'dev' },
}));
