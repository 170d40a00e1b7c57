/**
 * Holt-Winters exponential smoothing: level, optional (damped) trend, optional additive or
 * multiplicative season. The recursion and the start values follow R's
 * `stats::HoltWinters` (decompose() of the first two seasons, a linear fit of its trend),
 * so with the same parameters both give the same numbers; a test checks this against R
 * on the AirPassengers series. Parameters are fitted by minimising the one-step squared
 * error with Nelder–Mead (nelder-mead.ts), as R does with L-BFGS-B.
 */
import { minimise } from './nelder-mead';

export interface HoltWintersSpec {
  season: 'none' | 'additive' | 'multiplicative';
  trend: 'none' | 'additive' | 'damped';
  period: number;
}

export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  /** Trend damping; 1 for an undamped trend. */
  phi: number;
}

export interface StartValues {
  level: number;
  trend: number;
  /** One value per position in the season. */
  season: number[];
  /** Index of the first observation that is forecast (R's start.time − 1). */
  first: number;
}

export interface Filtered {
  sse: number;
  level: number;
  trend: number;
  /** The last `period` seasonal values, oldest first. */
  season: number[];
  /** One-step-ahead forecasts for observations `first`…end. */
  fitted: number[];
}

/** R's decompose(): centred moving average trend, seasonal figure from the detrended values. */
function decompose(y: number[], period: number, kind: 'additive' | 'multiplicative') {
  const n = y.length;
  const trend: (number | null)[] = new Array(n).fill(null);
  const weights =
    period % 2 === 0
      ? [0.5, ...new Array(period - 1).fill(1), 0.5].map((w) => w / period)
      : new Array(period).fill(1 / period);
  const half = Math.floor(weights.length / 2);
  for (let t = half; t < n - half; t++) {
    let sum = 0;
    for (let k = 0; k < weights.length; k++) sum += (weights[k] as number) * (y[t - half + k] as number);
    trend[t] = sum;
  }
  const sums = new Array(period).fill(0);
  const counts = new Array(period).fill(0);
  for (let t = 0; t < n; t++) {
    const tr = trend[t];
    if (tr === null || tr === undefined) continue;
    sums[t % period] += kind === 'additive' ? (y[t] as number) - tr : (y[t] as number) / tr;
    counts[t % period]++;
  }
  const figure = sums.map((sum, i) => sum / counts[i]);
  const mean = figure.reduce((a, b) => a + b, 0) / period;
  return {
    trend,
    figure: figure.map((value) => (kind === 'additive' ? value - mean : value / mean)),
  };
}

/** Start values as R computes them (start.periods = 2). */
export function startValues(y: number[], spec: HoltWintersSpec): StartValues {
  if (spec.season === 'none') {
    const withTrend = spec.trend !== 'none';
    return {
      level: withTrend ? (y[1] as number) : (y[0] as number),
      trend: withTrend ? (y[1] as number) - (y[0] as number) : 0,
      season: [],
      first: withTrend ? 2 : 1,
    };
  }
  const { trend, figure } = decompose(y.slice(0, 2 * spec.period), spec.period, spec.season);
  const known = trend.filter((value): value is number => value !== null);
  // Least-squares line through the trend against 1..k: intercept and slope.
  const k = known.length;
  const meanX = (k + 1) / 2;
  const meanY = known.reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  known.forEach((value, i) => {
    sxy += (i + 1 - meanX) * (value - meanY);
    sxx += (i + 1 - meanX) ** 2;
  });
  const slope = sxy / sxx;
  return {
    level: meanY - slope * meanX,
    trend: spec.trend === 'none' ? 0 : slope,
    season: figure,
    first: spec.period,
  };
}

export function filter(
  y: number[],
  spec: HoltWintersSpec,
  params: HoltWintersParams,
  start: StartValues = startValues(y, spec),
): Filtered {
  const { alpha, beta, gamma } = params;
  const phi = spec.trend === 'damped' ? params.phi : 1;
  const withTrend = spec.trend !== 'none';
  const additive = spec.season !== 'multiplicative';
  let level = start.level;
  let trend = withTrend ? start.trend : 0;
  const season = [...start.season];
  const fitted: number[] = [];
  let sse = 0;
  for (let t = start.first; t < y.length; t++) {
    const observed = y[t] as number;
    const s = spec.season === 'none' ? (additive ? 0 : 1) : (season[season.length - spec.period] as number);
    const base = level + phi * trend;
    const forecast = additive ? base + s : base * s;
    fitted.push(forecast);
    sse += (observed - forecast) ** 2;
    const previous = level;
    level = alpha * (additive ? observed - s : observed / s) + (1 - alpha) * base;
    if (withTrend) trend = beta * (level - previous) + (1 - beta) * phi * trend;
    if (spec.season !== 'none')
      season.push(gamma * (additive ? observed - level : observed / level) + (1 - gamma) * s);
  }
  return { sse, level, trend, season: season.slice(-spec.period), fitted };
}

/** Point forecasts 1…h steps after the last observation. */
export function forecast(
  state: Filtered,
  spec: HoltWintersSpec,
  params: HoltWintersParams,
  horizon: number,
): number[] {
  const phi = spec.trend === 'damped' ? params.phi : 1;
  const points: number[] = [];
  let damping = 0;
  for (let h = 1; h <= horizon; h++) {
    damping += phi ** h;
    const base = state.level + (spec.trend === 'none' ? 0 : damping * state.trend);
    if (spec.season === 'none') points.push(base);
    else {
      const s = state.season[(h - 1) % spec.period] as number;
      points.push(spec.season === 'additive' ? base + s : base * s);
    }
  }
  return points;
}

const squash = (x: number, low: number, high: number) => low + (high - low) / (1 + Math.exp(-x));
const unsquash = (v: number, low: number, high: number) => -Math.log((high - low) / (v - low) - 1);

/** Fits α, β, γ (and φ when damped) by least one-step squared error, from several starts. */
export function fitHoltWinters(
  y: number[],
  spec: HoltWintersSpec,
): { params: HoltWintersParams; state: Filtered } {
  const start = startValues(y, spec);
  const damped = spec.trend === 'damped';
  const toParams = (x: number[]): HoltWintersParams => ({
    alpha: squash(x[0] as number, 0.0001, 0.9999),
    beta: spec.trend === 'none' ? 0 : squash(x[1] as number, 0.0001, 0.9999),
    gamma: spec.season === 'none' ? 0 : squash(x[2] as number, 0.0001, 0.9999),
    phi: damped ? squash(x[3] as number, 0.8, 0.98) : 1,
  });
  const objective = (x: number[]) => {
    const sse = filter(y, spec, toParams(x), start).sse;
    return Number.isFinite(sse) ? sse : Number.MAX_VALUE;
  };
  const starts: HoltWintersParams[] = [
    { alpha: 0.3, beta: 0.1, gamma: 0.1, phi: 0.9 },
    { alpha: 0.7, beta: 0.05, gamma: 0.3, phi: 0.95 },
    { alpha: 0.1, beta: 0.01, gamma: 0.6, phi: 0.85 },
  ];
  let best: { x: number[]; value: number } | undefined;
  for (const p of starts) {
    const x0 = [
      unsquash(p.alpha, 0.0001, 0.9999),
      unsquash(p.beta, 0.0001, 0.9999),
      unsquash(p.gamma, 0.0001, 0.9999),
      unsquash(p.phi, 0.8, 0.98),
    ];
    const result = minimise(objective, x0, { maxIterations: 600 });
    if (!best || result.value < best.value) best = result;
  }
  const params = toParams((best as { x: number[] }).x);
  return { params, state: filter(y, spec, params, start) };
}
