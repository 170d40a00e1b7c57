/**
 * Chooses a method per series by rolling-origin backtest (lowest MASE, then the simpler
 * method), forecasts with it, and gives 80 % and 95 % intervals from the backtest errors
 * at each horizon (normal approximation; beyond the steps the backtest could measure,
 * the spread grows with √h). Counts cannot go below zero, so bounds are clipped at 0.
 */
import { type BacktestResult, backtest } from './backtest';
import { applicable, type ForecastMethod, methods, seasonalMinimum } from './methods';

export interface ForecastPoint {
  step: number;
  forecast: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface ForecastResult {
  method: string;
  points: ForecastPoint[];
  backtest: { mase: number | null; smape: number | null; origins: number; horizon: number };
  candidates: { method: string; mase: number | null; smape: number | null }[];
  intervals: string;
}

const z80 = 1.2816;
const z95 = 1.96;
const minimumErrors = 3;

export function forecastSeries(
  history: number[],
  horizon: number,
  options: { origins?: number } = {},
): ForecastResult {
  // Up to 12 origins, leaving Holt-Winters two full seasons to fit on when the history allows.
  const origins =
    options.origins ??
    Math.min(12, Math.max(3, history.length - seasonalMinimum, Math.floor(history.length / 3)));
  const backtestHorizon = Math.min(horizon, 12);
  const candidates = methods
    .filter((method) => applicable(method, history) && history.length - origins >= method.minimumHistory)
    .map((method) => ({ method, result: backtest(method, history, { origins, horizon: backtestHorizon }) }))
    .filter(({ result }) => result.mase !== null);
  // Too short to backtest anything: the mean, with intervals from the spread of the values.
  if (candidates.length === 0) return meanOnly(history, horizon);
  candidates.sort(
    (a, b) =>
      (a.result.mase as number) - (b.result.mase as number) || a.method.complexity - b.method.complexity,
  );
  const chosen = candidates[0] as { method: ForecastMethod; result: BacktestResult };
  const predicted = chosen.method.predict(history, horizon);
  const spread = spreadByStep(chosen.result.errorsByStep, horizon);
  return {
    method: chosen.method.name,
    points: predicted.map((value, i) => point(i + 1, value, spread[i] as number)),
    backtest: {
      mase: chosen.result.mase,
      smape: chosen.result.smape,
      origins: chosen.result.origins,
      horizon: backtestHorizon,
    },
    candidates: candidates.map(({ result }) => ({
      method: result.method,
      mase: result.mase,
      smape: result.smape,
    })),
    intervals: 'normal approximation from rolling-origin backtest errors at each horizon; clipped at 0',
  };
}

/** Root mean square error per step where enough errors exist; √h growth from the last measured step. */
function spreadByStep(errorsByStep: number[][], horizon: number): number[] {
  const rmse = errorsByStep.map((errors) =>
    errors.length >= minimumErrors ? Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length) : null,
  );
  let lastStep = 0;
  let lastValue = 0;
  return Array.from({ length: horizon }, (_, i) => {
    const measured = rmse[i];
    if (measured !== null && measured !== undefined) {
      lastStep = i + 1;
      lastValue = Math.max(measured, lastValue);
      return lastValue;
    }
    const base = lastStep > 0 ? lastValue : Math.sqrt(mean1(errorsByStep.flat().map((e) => e * e)));
    return base * Math.sqrt((i + 1) / Math.max(1, lastStep));
  });
}

const mean1 = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

const point = (step: number, value: number, sd: number): ForecastPoint => ({
  step,
  forecast: Math.max(0, value),
  lower80: Math.max(0, value - z80 * sd),
  upper80: Math.max(0, value + z80 * sd),
  lower95: Math.max(0, value - z95 * sd),
  upper95: Math.max(0, value + z95 * sd),
});

function meanOnly(history: number[], horizon: number): ForecastResult {
  const average = mean1(history);
  const sd = Math.sqrt(mean1(history.map((v) => (v - average) ** 2)) * (1 + 1 / Math.max(1, history.length)));
  return {
    method: 'mean',
    points: Array.from({ length: horizon }, (_, i) => point(i + 1, average, sd)),
    backtest: { mase: null, smape: null, origins: 0, horizon: 0 },
    candidates: [],
    intervals: 'too little history to backtest: spread of the values around their mean',
  };
}
