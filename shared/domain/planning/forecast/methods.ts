/**
 * Forecasting methods a series may be given, each as "fit on a history, forecast h steps".
 * Holt-Winters variants need two full seasons; the simple methods (seasonal naive, drift,
 * mean) work on short histories and are what a noisy series falls back to when the
 * backtest shows smoothing does not beat them.
 */
import { fitHoltWinters, forecast, type HoltWintersSpec } from './holt-winters';

export interface ForecastMethod {
  name: string;
  /** Shortest history it can be fitted on. */
  minimumHistory: number;
  /** Lower is simpler; breaks ties between equally good methods. */
  complexity: number;
  /** Point forecasts 1…horizon after the end of `history`. */
  predict(history: number[], horizon: number): number[];
}

const period = 12;
/** Holt-Winters starts from two full seasons (R's start.periods = 2). */
export const seasonalMinimum = 2 * period;

const holtWinters = (name: string, spec: HoltWintersSpec, complexity: number): ForecastMethod => ({
  name,
  minimumHistory: seasonalMinimum,
  complexity,
  predict(history, horizon) {
    const { params, state } = fitHoltWinters(history, spec);
    return forecast(state, spec, params, horizon);
  },
});

export const seasonalNaive: ForecastMethod = {
  name: 'seasonal naive',
  minimumHistory: period,
  complexity: 1,
  predict: (history, horizon) =>
    Array.from({ length: horizon }, (_, i) => history[history.length - period + (i % period)] as number),
};

export const drift: ForecastMethod = {
  name: 'drift',
  minimumHistory: 2,
  complexity: 1,
  predict(history, horizon) {
    const last = history[history.length - 1] as number;
    const slope = (last - (history[0] as number)) / (history.length - 1);
    return Array.from({ length: horizon }, (_, i) => last + slope * (i + 1));
  },
};

export const mean: ForecastMethod = {
  name: 'mean',
  minimumHistory: 1,
  complexity: 0,
  predict(history, horizon) {
    const average = history.reduce((a, b) => a + b, 0) / history.length;
    return new Array(horizon).fill(average);
  },
};

export const methods: ForecastMethod[] = [
  mean,
  drift,
  seasonalNaive,
  holtWinters('Holt-Winters additive', { season: 'additive', trend: 'additive', period }, 3),
  holtWinters('Holt-Winters additive, damped trend', { season: 'additive', trend: 'damped', period }, 4),
  holtWinters('Holt-Winters multiplicative', { season: 'multiplicative', trend: 'additive', period }, 3),
  holtWinters(
    'Holt-Winters multiplicative, damped trend',
    { season: 'multiplicative', trend: 'damped', period },
    4,
  ),
];

/** Multiplicative seasons need strictly positive values. */
export const applicable = (method: ForecastMethod, history: number[]) =>
  history.length >= method.minimumHistory &&
  (!method.name.includes('multiplicative') || history.every((v) => v > 0));
