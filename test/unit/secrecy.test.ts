import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { all, type Counts } from '../../shared/domain/planning/contributions';
import { linesOf, publishedCell, sumFigures, suppressedCells } from '../../shared/domain/planning/secrecy';

/**
 * Attacks on suppressed cells. A hidden value is recoverable when it is fixed by the
 * published values and the table's equations (a total is the sum of its parts, an area is
 * the sum of its units): that is when its unit vector lies in the row space of the
 * equations over hidden unknowns. Checked by Gaussian elimination.
 */
function rank(rows: number[][]): number {
  const m = rows.map((row) => [...row]);
  let r = 0;
  const width = m[0]?.length ?? 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c] as number) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = (m[i]?.[c] as number) / (m[r]?.[c] as number);
      if (f !== 0) m[i] = (m[i] as number[]).map((v, j) => v - f * ((m[r] as number[])[j] as number));
    }
    r++;
  }
  return r;
}

const recoverable = (equations: number[][], unknown: number, size: number) => {
  if (equations.length === 0) return false;
  const target = Array.from({ length: size }, (_, i) => (i === unknown ? 1 : 0));
  return rank([...equations, target]) === rank(equations);
};

/** An additive sectors × occupations table with its margins, like matches in one unit-month. */
const table = fc
  .record({
    sectors: fc.integer({ min: 1, max: 4 }),
    occupations: fc.integer({ min: 1, max: 4 }),
    values: fc.array(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 })), {
      minLength: 16,
      maxLength: 16,
    }),
  })
  .map(({ sectors, occupations, values }) => {
    const cells: Counts = {};
    for (let s = 0; s < sectors; s++)
      for (let o = 0; o < occupations; o++) {
        const v = values[s * 4 + o] as number;
        cells[`s${s}|o${o}`] = v;
        cells[`s${s}|${all}`] = (cells[`s${s}|${all}`] ?? 0) + v;
        cells[`${all}|o${o}`] = (cells[`${all}|o${o}`] ?? 0) + v;
        cells[`${all}|${all}`] = (cells[`${all}|${all}`] ?? 0) + v;
      }
    return cells;
  });

describe('statistical secrecy', () => {
  it('never publishes 1 to 10; a line never hides a single cell, nor cells under 11 in total unless it hides all', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const hidden = suppressedCells(cells);
        for (const [name, value] of Object.entries(cells))
          if (value >= 1 && value <= 10) expect(hidden.has(name)).toBe(true);
        for (const line of linesOf(Object.keys(cells))) {
          const secret = line.filter((cell) => hidden.has(cell));
          if (secret.length === 0) continue;
          const everything = line.every((cell) => hidden.has(cell) || cells[cell] === 0);
          if (everything) continue;
          expect(secret.length).toBeGreaterThanOrEqual(2);
          expect(secret.reduce((sum, cell) => sum + (cells[cell] as number), 0)).toBeGreaterThanOrEqual(11);
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('no hidden cell of a unit table can be solved from its published cells and totals', () => {
    fc.assert(
      fc.property(table, (cells) => {
        const hidden = [...suppressedCells(cells)].sort();
        const index = new Map(hidden.map((cell, i) => [cell, i]));
        // Each line: total − Σ parts = 0; published cells are constants and drop out.
        const equations = linesOf(Object.keys(cells))
          .map(([total, ...parts]) => {
            const row = new Array(hidden.length).fill(0);
            if (index.has(total as string)) row[index.get(total as string) as number] += 1;
            for (const part of parts) if (index.has(part)) row[index.get(part) as number] -= 1;
            return row;
          })
          .filter((row) => row.some((v) => v !== 0));
        for (let i = 0; i < hidden.length; i++) expect(recoverable(equations, i, hidden.length)).toBe(false);
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('overlapping areas built from units cannot be subtracted to reveal a hidden unit cell', () => {
    const units = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 6 });
    const areas = fc.array(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(units, areas, (values, memberships) => {
        // One cell (*,*) per unit: published or suppressed unit by unit.
        const figures = values.map((v) =>
          publishedCell({ [`sa|${all}|${all}`]: v }, 'sa', `${all}|${all}`, true),
        );
        const hidden = figures.flatMap((f, i) => (f.suppressed ? [i] : []));
        const index = new Map(hidden.map((unit, i) => [unit, i]));
        const equations: number[][] = [];
        for (const membership of memberships) {
          const members = values.map((_, i) => i).filter((i) => membership[i]);
          if (members.length === 0) continue;
          const area = sumFigures(members.map((i) => figures[i] as (typeof figures)[number]));
          if (area.suppressed) continue;
          // Published: Σ members = value; hidden members would be unknowns.
          const row = new Array(hidden.length).fill(0);
          for (const i of members) if (index.has(i)) row[index.get(i) as number] = 1;
          equations.push(row);
          // And it is never published with a hidden member inside.
          expect(members.some((i) => figures[i]?.suppressed)).toBe(false);
        }
        for (let i = 0; i < hidden.length; i++) expect(recoverable(equations, i, hidden.length)).toBe(false);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});
