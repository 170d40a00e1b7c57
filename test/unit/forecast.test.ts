import { describe, expect, it } from 'vitest';
import { prng } from '../../infra/local/synthetic';
import { backtest } from '../../shared/domain/planning/forecast/backtest';
import { filter, fitHoltWinters, forecast } from '../../shared/domain/planning/forecast/holt-winters';
import { drift, mean, seasonalNaive } from '../../shared/domain/planning/forecast/methods';
import { forecastSeries } from '../../shared/domain/planning/forecast/select';
import r from '../fixtures/forecast/airpassengers-holtwinters.json';

/**
 * The reference: R 4.2.2's stats::HoltWinters on AirPassengers (test/fixtures/forecast/,
 * made by airpassengers-holtwinters.R with Debian's r-base-core; the data's source is in
 * the fixture).
 */
const y = r.data;
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('Holt-Winters against R on AirPassengers', () => {
  for (const [name, season] of [
    ['fixedAdditive', 'additive'],
    ['fixedMultiplicative', 'multiplicative'],
  ] as const) {
    it(`gives R's SSE and forecasts with the same parameters (${season})`, () => {
      const spec = { season, trend: 'additive', period: 12 } as const;
      const params = { alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 1 };
      const state = filter(y, spec, params);
      expect(relative(state.sse, r[name].sse)).toBeLessThan(1e-8);
      for (const [i, value] of forecast(state, spec, params, 12).entries())
        expect(relative(value, r[name].forecast[i] as number)).toBeLessThan(1e-8);
    });
  }

  for (const season of ['additive', 'multiplicative'] as const) {
    it(`fits parameters as good as R's optimiser (${season})`, () => {
      const spec = { season, trend: 'additive', period: 12 } as const;
      const { params, state } = fitHoltWinters(y, spec);
      expect(state.sse).toBeLessThanOrEqual(r[season].sse * 1.001);
      expect(params.alpha).toBeCloseTo(r[season].alpha, 2);
      expect(params.beta).toBeCloseTo(r[season].beta, 2);
      expect(params.gamma).toBeCloseTo(r[season].gamma, 2);
      for (const [i, value] of forecast(state, spec, params, 12).entries())
        expect(relative(value, r[season].forecast[i] as number)).toBeLessThan(0.002);
    });
  }
});

describe('choosing a method by rolling-origin backtest', () => {
  it('picks a seasonal method for a seasonal series and beats seasonal naive (MASE < 1)', () => {
    const result = forecastSeries(y.slice(0, 48), 12);
    expect(result.method).toMatch(/^Holt-Winters/);
    expect(result.backtest.mase).toBeLessThan(1);
    expect(result.backtest.origins).toBe(12);
    expect(result.candidates.map((c) => c.method)).toEqual(
      expect.arrayContaining(['seasonal naive', 'drift', 'mean']),
    );
    for (const point of result.points) {
      expect(point.lower95).toBeLessThanOrEqual(point.lower80);
      expect(point.lower80).toBeLessThanOrEqual(point.forecast);
      expect(point.forecast).toBeLessThanOrEqual(point.upper80);
      expect(point.upper80).toBeLessThanOrEqual(point.upper95);
    }
    // The year after: most actual values fall inside the 95 % interval.
    const inside = result.points.filter(
      (p, i) => (y[48 + i] as number) >= p.lower95 && (y[48 + i] as number) <= p.upper95,
    );
    expect(inside.length).toBeGreaterThanOrEqual(10);
  });

  it('falls back to simple methods on short histories (< 24 months)', () => {
    const result = forecastSeries(y.slice(0, 20), 6);
    expect(['mean', 'drift', 'seasonal naive']).toContain(result.method);
    expect(result.candidates.every((c) => !c.method.startsWith('Holt-Winters'))).toBe(true);
  });

  it('prefers the mean on pure noise', () => {
    const next = prng(7);
    const noise = Array.from({ length: 48 }, () => 100 + Math.round((next() - 0.5) * 30));
    const result = forecastSeries(noise, 12);
    expect(result.method).toBe('mean');
  });

  it('computes MASE and sMAPE by hand on a tiny case', () => {
    // Drift on 1,2,3,5 from origin 3: forecast 4 for 5 → error 1; scale = mean |Δ| = 4/3.
    const result = backtest(drift, [1, 2, 3, 5], { origins: 1, horizon: 1 });
    expect(result.mase).toBeCloseTo(1 / (4 / 3), 10);
    expect(result.smape).toBeCloseTo((200 * 1) / 9, 10);
    expect(mean.predict([1, 2, 3], 2)).toEqual([2, 2]);
    expect(
      seasonalNaive.predict(
        Array.from({ length: 12 }, (_, i) => i),
        13,
      )[12],
    ).toBe(0);
  });
});
