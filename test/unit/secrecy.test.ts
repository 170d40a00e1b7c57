import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { all } from '../../shared/domain/planning/codes';
import type { Counts } from '../../shared/domain/planning/contributions';
import {
  linesOf,
  sumFigures,
  suppress,
  suppressedCells,
  treeTable,
} from '../../shared/domain/planning/secrecy';

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

/** Each line says total − Σ parts = 0; published cells are constants and drop out. */
function equationsOver(hidden: string[], lines: string[][]): number[][] {
  const index = new Map(hidden.map((cell, i) => [cell, i]));
  return lines
    .map(([total, ...parts]) => {
      const row = new Array<number>(hidden.length).fill(0);
      const t = index.get(total as string);
      if (t !== undefined) row[t] = (row[t] as number) + 1;
      for (const part of parts) {
        const p = index.get(part);
        if (p !== undefined) row[p] = (row[p] as number) - 1;
      }
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
}

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
        const equations = equationsOver(hidden, linesOf(Object.keys(cells)));
        for (let i = 0; i < hidden.length; i++) expect(recoverable(equations, i, hidden.length)).toBe(false);
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('a territory, its EPCIs and any unions of EPCIs cannot be combined to reveal a hidden cell', () => {
    // Per EPCI, persons by (sector, occupation); published: totals, per sector, per occupation.
    const epci = fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 })), {
        minLength: 3,
        maxLength: 3,
      }),
      {
        minLength: 2,
        maxLength: 2,
      },
    );
    const territory = fc.array(epci, { minLength: 2, maxLength: 5 });
    const unions = fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(territory, unions, (epcis, memberships) => {
        const tables = new Map<string, Counts>();
        const root: Counts = {};
        for (const [e, matrix] of epcis.entries()) {
          const table: Counts = {};
          for (const [s, row] of matrix.entries())
            for (const [o, v] of row.entries())
              for (const cell of [`${all}|${all}`, `s${s}|${all}`, `${all}|o${o}`]) {
                table[cell] = (table[cell] ?? 0) + v;
                root[cell] = (root[cell] ?? 0) + v;
              }
          tables.set(`E${e}`, table);
        }
        tables.set('T', root);
        const { cells, lines } = treeTable(tables, 'T');
        const hidden = [...suppress(cells, lines)].sort();
        for (const [name, value] of Object.entries(cells))
          if (value >= 1 && value <= 10) expect(hidden).toContain(name);
        const equations = equationsOver(hidden, lines);
        // Unions of EPCIs (a département, a planner's area, a catchment) are published only
        // when every member is: they add no equation with a hidden cell.
        for (const membership of memberships) {
          const members = [...tables.keys()].filter((node, i) => node !== 'T' && membership[i]);
          for (const cell of Object.keys(root)) {
            const figures = members.map((node) =>
              hidden.includes(`${node}#${cell}`)
                ? { value: null, suppressed: true }
                : { value: cells[`${node}#${cell}`] ?? 0, suppressed: false },
            );
            const union = sumFigures(figures);
            if (!union.suppressed) expect(figures.every((f) => !f.suppressed)).toBe(true);
          }
        }
        for (let i = 0; i < hidden.length; i++) expect(recoverable(equations, i, hidden.length)).toBe(false);
      }),
      { numRuns: 1500, seed: 13 },
    );
  });
});
