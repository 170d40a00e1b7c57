import { planningDeps } from '../../shared/adapters/dependencies';
import { uses } from '../../shared/adapters/needs';
import { forecastRoute } from '../../shared/api/planning';
import type { CountedMetric } from '../../shared/domain/planning/figures';
import { forecastMetric } from '../../shared/domain/planning/forecasting';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(forecastRoute, async ({ query, language }) => ({
  status: 200,
  body: await forecastMetric(
    planningDeps(uses.planningForecast),
    { ...query, metric: query.metric as CountedMetric },
    language,
  ),
}));
