/** GET /v1/planning/forecast: an area's monthly series, forecast with the method its backtest favours. */

import { forecastErrorText, forecastMethodText } from '../../messages/forecast';
import type { Language } from '../../messages/language';
import { noticeText } from '../../messages/notices';
import { metrics } from './codes';
import { areaFigure, type CellFilter, type CountedMetric } from './figures';
import { forecastSeries } from './forecast/select';
import { addMonths, monthRange } from './months';
import { secrecyThreshold } from './secrecy';
import { areaSources, areaSummary, currentMonth, findArea, type PlanningDeps, round } from './sources';

/** Months of history read (the current, incomplete month is never used). */
export const historyMonths = 60;
export const minimumHistory = 3;

export async function forecastMetric(
  deps: PlanningDeps,
  query: CellFilter & { area: string; metric: CountedMetric; horizon: number },
  language: Language = 'fr',
) {
  const resolved = await findArea(deps, query.area);
  const last = addMonths(currentMonth(deps.clock), -1);
  const first = addMonths(last, -(historyMonths - 1));
  const months = monthRange(first, last);
  const sources = await areaSources(deps, resolved, months);
  const figures = months.map((month) => ({
    month,
    ...areaFigure(month, sources.of(month), query.metric, query),
  }));
  // The series starts when the platform had something to count there.
  const start = figures.findIndex((figure) => figure.suppressed || (figure.value ?? 0) > 0);
  const history = start < 0 ? [] : figures.slice(start);
  const base = {
    area: areaSummary(resolved, sources.people),
    metric: query.metric,
    sector: query.sector ?? null,
    occupation: query.occupation ?? null,
    history: history.map(({ month, value, suppressed }) => ({ month, value, suppressed })),
  };
  const persons = metrics[query.metric].persons;
  if (history.some((figure) => figure.suppressed))
    return {
      ...base,
      suppressed: true,
      reason: noticeText('forecast.secret', language),
      points: [],
    };
  if (history.length < minimumHistory)
    return {
      ...base,
      suppressed: false,
      reason: noticeText('forecast.tooShort', language, { months: history.length, minimum: minimumHistory }),
      points: [],
    };
  const result = forecastSeries(
    history.map((figure) => figure.value as number),
    query.horizon,
  );
  return {
    ...base,
    suppressed: false,
    method: result.method,
    methodText: forecastMethodText(result.method, language),
    errorText: forecastErrorText(result.backtest, language),
    backtest: {
      ...result.backtest,
      mase: result.backtest.mase === null ? null : round(result.backtest.mase, 3),
      smape: result.backtest.smape === null ? null : round(result.backtest.smape, 2),
    },
    candidates: result.candidates.map((c) => ({
      method: c.method,
      mase: c.mase === null ? null : round(c.mase, 3),
      smape: c.smape === null ? null : round(c.smape, 2),
    })),
    intervals: result.intervals,
    points: result.points.map((point) => {
      const month = addMonths(last, point.step);
      // A forecast of persons below the threshold would be a small count in disguise.
      if (persons && point.forecast < secrecyThreshold)
        return {
          month,
          forecast: null,
          lower80: null,
          upper80: null,
          lower95: null,
          upper95: null,
          suppressed: true,
        };
      return {
        month,
        forecast: round(point.forecast, 1),
        lower80: round(point.lower80, 1),
        upper80: round(point.upper80, 1),
        lower95: round(point.lower95, 1),
        upper95: round(point.upper95, 1),
        suppressed: false,
      };
    }),
  };
}
