/**
 * Statistical secrecy for counts of persons (INSEE rule: cells of 1 to 10 are not
 * published). Person figures are published for fixed areas only: each EPCI, and the
 * pilot territory as the total of its EPCIs. For one month and one figure, the table of a
 * "tree" (the territory and its EPCIs, or a lone EPCI) × (sector, occupation, totals)
 * gets primary suppression (1–10), then secondary suppression: no line (a total and its
 * parts, across sectors, occupations or EPCIs) hides a single cell or hidden cells adding
 * up to less than 11 (unless it hides all it has), and the whole table is solved as a
 * linear system so that no hidden cell is pinned down by combining lines. Any other area
 * (a département, a planner's own, a catchment, a reach) is a sum of EPCIs, published
 * only when every EPCI's figure is: a sum of published figures, so overlapping areas
 * cannot be subtracted to reveal a hidden one. Months are fixed buckets.
 */
import { all, cell, counter, type Metric } from './codes';
import type { Counts } from './contributions';

export const secrecyThreshold = 11;

export const isPrimarySecret = (value: number) => value >= 1 && value < secrecyThreshold;

/** A published figure: null and `suppressed` when it could single people out. */
export interface Figure {
  value: number | null;
  suppressed: boolean;
}

/**
 * Cells of one metric in one unit's bucket: `<sector>|<occupation>` → count. Lines are a
 * total and its parts: (*,*) with every (s,*), (*,*) with every (*,o), (s,*) with every
 * (s,o), (*,o) with every (s,o).
 */
export function linesOf(cells: string[]): string[][] {
  const present = new Set(cells);
  const lines: string[][] = [];
  const sectors = new Set<string>();
  const occupations = new Set<string>();
  for (const name of cells) {
    const { sector, occupation } = cell.decode(name);
    if (sector !== all) sectors.add(sector);
    if (occupation !== all) occupations.add(occupation);
  }
  const withTotal = (head: string, parts: string[]) => {
    const line = [head, ...parts].filter((name) => present.has(name));
    if (line.length >= 2) lines.push(line);
  };
  withTotal(
    cell.total,
    [...sectors].map((s) => cell.encode(s, all)),
  );
  withTotal(
    cell.total,
    [...occupations].map((o) => cell.encode(all, o)),
  );
  for (const s of sectors)
    withTotal(
      cell.encode(s, all),
      [...occupations].map((o) => cell.encode(s, o)),
    );
  for (const o of occupations)
    withTotal(
      cell.encode(all, o),
      [...sectors].map((s) => cell.encode(s, o)),
    );
  return lines;
}

/** The cells of one (sector × occupation) table that must not be published. */
export const suppressedCells = (cells: Counts): Set<string> => suppress(cells, linesOf(Object.keys(cells)));

/** Primary and secondary suppression of any table given as cells and lines (total first). */
export function suppress(cells: Counts, lines: string[][]): Set<string> {
  const names = Object.keys(cells).sort();
  const hidden = new Set(names.filter((name) => isPrimarySecret(cells[name] ?? 0)));
  if (hidden.size === 0) return hidden;
  // Hide the smallest published non-zero cell of a line (ties by name: every reader
  // makes the same choice); false when the line has none left.
  const hideOneMore = (line: string[]) => {
    const next = line
      .filter((cell) => !hidden.has(cell) && (cells[cell] ?? 0) > 0)
      .sort((a, b) => (cells[a] ?? 0) - (cells[b] ?? 0) || a.localeCompare(b))[0];
    if (next) hidden.add(next);
    return next !== undefined;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const secret = line.filter((cell) => hidden.has(cell));
      if (secret.length === 0) continue;
      const hiddenSum = secret.reduce((sum, cell) => sum + (cells[cell] ?? 0), 0);
      if (secret.length >= 2 && hiddenSum >= secrecyThreshold) continue;
      changed = hideOneMore(line) || changed;
    }
    // Lines protected one by one can still be combined: solve the whole table and hide
    // more around any cell the equations pin down.
    if (!changed)
      for (const cell of determinedCells(hidden, lines)) {
        const line = lines.find(
          (l) => l.includes(cell) && l.some((c) => !hidden.has(c) && (cells[c] ?? 0) > 0),
        );
        if (line && hideOneMore(line)) changed = true;
      }
  }
  return hidden;
}

/**
 * Hidden cells whose value follows from the published ones: with one equation per line
 * (total − Σ parts = 0) over the hidden unknowns, a cell is determined exactly when a row
 * of the reduced row echelon form is that cell alone.
 */
function determinedCells(hidden: Set<string>, lines: string[][]): string[] {
  const unknowns = [...hidden].sort();
  const column = new Map(unknowns.map((cell, i) => [cell, i]));
  const rows = lines
    .map(([total, ...parts]) => {
      const row = new Array<number>(unknowns.length).fill(0);
      const t = column.get(total as string);
      if (t !== undefined) row[t] = (row[t] as number) + 1;
      for (const part of parts) {
        const p = column.get(part);
        if (p !== undefined) row[p] = (row[p] as number) - 1;
      }
      return row;
    })
    .filter((row) => row.some((v) => v !== 0));
  let rank = 0;
  for (let c = 0; c < unknowns.length && rank < rows.length; c++) {
    const pivot = rows.findIndex((row, i) => i >= rank && Math.abs(row[c] as number) > 1e-9);
    if (pivot < 0) continue;
    [rows[rank], rows[pivot]] = [rows[pivot] as number[], rows[rank] as number[]];
    const head = rows[rank] as number[];
    const scale = head[c] as number;
    for (let j = 0; j < head.length; j++) head[j] = (head[j] as number) / scale;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number[];
      const factor = row[c] as number;
      if (i !== rank && factor !== 0)
        for (let j = 0; j < row.length; j++) row[j] = (row[j] as number) - factor * (head[j] as number);
    }
    rank++;
  }
  return rows
    .slice(0, rank)
    .filter((row) => row.filter((v) => Math.abs(v) > 1e-9).length === 1)
    .map((row) => unknowns[row.findIndex((v) => Math.abs(v) > 1e-9)] as string);
}

/** Cells of `metric` in a bucket (its histogram bins left out), keyed by cell. */
export function metricCells(bucket: Counts, metric: Metric): Counts {
  const cells: Counts = {};
  for (const [name, value] of Object.entries(bucket)) {
    const counted = counter.decode(name);
    if (counted?.metric === metric && counted.bin === undefined) cells[counted.cell] = value;
  }
  return cells;
}

/** A figure of several fixed areas together: published only if every one of them is. */
export function sumFigures(figures: Figure[]): Figure {
  let value = 0;
  for (const figure of figures) {
    if (figure.suppressed || figure.value === null) return { value: null, suppressed: true };
    value += figure.value;
  }
  return { value, suppressed: false };
}

/**
 * The cells and lines of a tree for one figure: each node's own (sector × occupation)
 * lines, and for each cell the line root = Σ children. Keys are `<node>#<cell>`.
 */
export function treeTable(nodes: Map<string, Counts>, root: string | undefined) {
  const cells: Counts = {};
  const lines: string[][] = [];
  for (const [node, table] of nodes) {
    for (const [cell, value] of Object.entries(table)) cells[`${node}#${cell}`] = value;
    for (const line of linesOf(Object.keys(table))) lines.push(line.map((cell) => `${node}#${cell}`));
  }
  const rootTable = root ? nodes.get(root) : undefined;
  if (root && rootTable)
    for (const cell of Object.keys(rootTable)) {
      const parts = [...nodes.keys()].filter(
        (node) => node !== root && nodes.get(node)?.[cell] !== undefined,
      );
      if (parts.length > 0) lines.push([`${root}#${cell}`, ...parts.map((node) => `${node}#${cell}`)]);
    }
  return { cells, lines };
}
