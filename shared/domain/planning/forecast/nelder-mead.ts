/** Nelder–Mead simplex minimisation (standard coefficients), enough for 2–4 smoothing parameters. */
export function minimise(
  f: (x: number[]) => number,
  x0: number[],
  options: { maxIterations?: number; tolerance?: number; step?: number } = {},
): { x: number[]; value: number } {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-10;
  const step = options.step ?? 0.5;
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))].map((x) => ({
    x,
    value: f(x),
  }));
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0] as { x: number[]; value: number };
    const worst = simplex[n] as { x: number[]; value: number };
    if (Math.abs(worst.value - best.value) <= tolerance * (Math.abs(best.value) + tolerance)) break;
    const centroid = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += (simplex[i]?.x[j] as number) / n;
    const along = (t: number) => centroid.map((c, j) => c + t * ((worst.x[j] as number) - c));
    const reflected = { x: along(-1), value: 0 };
    reflected.value = f(reflected.x);
    const secondWorst = simplex[n - 1] as { value: number };
    if (reflected.value < best.value) {
      const expanded = { x: along(-2), value: 0 };
      expanded.value = f(expanded.x);
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < secondWorst.value) {
      simplex[n] = reflected;
    } else {
      const contracted = { x: along(reflected.value < worst.value ? -0.5 : 0.5), value: 0 };
      contracted.value = f(contracted.x);
      if (contracted.value < Math.min(worst.value, reflected.value)) simplex[n] = contracted;
      else
        simplex = simplex.map((point, i) => {
          if (i === 0) return point;
          const x = point.x.map((v, j) => (best.x[j] as number) + 0.5 * (v - (best.x[j] as number)));
          return { x, value: f(x) };
        });
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return simplex[0] as { x: number[]; value: number };
}
