import { planningDeps } from '../../shared/adapters/dependencies';
import { forecastRoute } from '../../shared/api/planning';
import type { CountedMetric } from '../../shared/domain/planning/figures';
import { forecastMetric } from '../../shared/domain/planning/forecasting';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(forecastRoute, async ({ query, language }) => ({
  status: 200,
  body: await forecastMetric(planningDeps(), { ...query, metric: query.metric as CountedMetric }, language),
}));
