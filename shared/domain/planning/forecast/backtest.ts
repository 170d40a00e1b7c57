/**
 * Rolling-origin evaluation: the method is refitted at each of the last `origins` points
 * of the history and forecasts the months that follow; errors are compared with what
 * happened. MASE scales the mean absolute error by the in-sample error of the seasonal
 * naive forecast (naive when under two seasons): below 1 beats it. sMAPE is in percent.
 */
import type { ForecastMethod } from './methods';

export interface BacktestResult {
  method: string;
  mase: number | null;
  smape: number | null;
  /** Errors (actual − forecast) by horizon step, 1-based index h−1. */
  errorsByStep: number[][];
  origins: number;
}

export function scaleOf(history: number[], period = 12): number {
  const lag = history.length > 2 * period ? period : 1;
  let sum = 0;
  for (let t = lag; t < history.length; t++)
    sum += Math.abs((history[t] as number) - (history[t - lag] as number));
  const scale = sum / Math.max(1, history.length - lag);
  return scale > 0 ? scale : 1;
}

export function backtest(
  method: ForecastMethod,
  history: number[],
  options: { origins: number; horizon: number },
): BacktestResult {
  const errorsByStep: number[][] = Array.from({ length: options.horizon }, () => []);
  const absolute: number[] = [];
  const symmetric: number[] = [];
  let origins = 0;
  const firstOrigin = Math.max(method.minimumHistory, history.length - options.origins);
  for (let origin = firstOrigin; origin < history.length; origin++) {
    const steps = Math.min(options.horizon, history.length - origin);
    const predicted = method.predict(history.slice(0, origin), steps);
    origins++;
    for (let h = 0; h < steps; h++) {
      const actual = history[origin + h] as number;
      const error = actual - (predicted[h] as number);
      errorsByStep[h]?.push(error);
      absolute.push(Math.abs(error));
      const denominator = Math.abs(actual) + Math.abs(predicted[h] as number);
      symmetric.push(denominator === 0 ? 0 : (200 * Math.abs(error)) / denominator);
    }
  }
  const average = (values: number[]) =>
    values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  const mae = average(absolute);
  return {
    method: method.name,
    mase: mae === null ? null : mae / scaleOf(history),
    smape: average(symmetric),
    errorsByStep,
    origins,
  };
}
