/**
 * Published person figures (secrecy.ts): loads the buckets of every unit of the trees
 * asked about, adds them up per EPCI (and the territory), and suppresses per tree, month
 * and figure. The same tree, month and figure always give the same hidden cells,
 * whatever the query that asks.
 */

import { pilotArea, type ResolvedArea } from './areas';
import { atomIdOfUnit, territoryNode, treeOf, unitsOfAtom } from './atoms';
import { cell, type Metric } from './codes';
import type { Counts } from './contributions';
import type { Month } from './months';
import { type Figure, metricCells, sumFigures, suppress, treeTable } from './secrecy';

/** Buckets of units, month (or "now") → unit → counters. */
export type Buckets = Map<Month, Map<string, Counts>>;

/** Buckets of these units for these months (or "now"). */
export type BucketReader = (units: string[], months: Month[]) => Promise<Buckets>;

export interface PersonNodes {
  nodes: string[];
  /** False when the EPCIs counted reach beyond the area. */
  exact: boolean;
}

/** The fixed areas a planning area's person figures are the sum of. */
export function personNodesOf(resolved: ResolvedArea): PersonNodes {
  if (resolved.area.id === pilotArea.id) return { nodes: [territoryNode], exact: true };
  const atoms: string[] = [...new Set(resolved.units.map((unit) => atomIdOfUnit(unit.id)))].sort();
  const inArea = new Set(resolved.units.map((unit) => unit.id));
  const exact = atoms.every((atom) => unitsOfAtom(atom).every((unit) => inArea.has(unit.id)));
  const pilot = treeOf(territoryNode).atoms;
  if (exact && atoms.length === pilot.length && pilot.every((atom) => atoms.includes(atom)))
    return { nodes: [territoryNode], exact };
  return { nodes: atoms, exact };
}

/** The units whose buckets the person figures of `nodes` need: every unit of their trees. */
export function personUnits(nodes: string[]): string[] {
  const trees = new Map(nodes.map((node) => [treeOf(node).root ?? node, treeOf(node)]));
  const units = [...trees.values()].flatMap((tree) =>
    tree.atoms.flatMap((atom) => unitsOfAtom(atom).map((unit) => unit.id)),
  );
  return [...new Set(units)];
}

/**
 * The published person figures of the buckets given (read for `personUnits` of the nodes
 * asked about): a function of those buckets alone; each (tree, month, figure) is
 * suppressed once, when first asked.
 */
export class PersonFigures {
  private suppressed = new Map<string, { tables: Map<string, Counts>; hidden: Set<string> }>();

  constructor(private readonly buckets: Buckets) {}

  /** The published figure of one fixed area (an EPCI or the territory). */
  figure(node: string, month: Month, metric: Metric, at: string): Figure {
    const { table, hidden } = this.tableOf(node, month, metric);
    return hidden.has(`${node}#${at}`)
      ? { value: null, suppressed: true }
      : { value: table[at] ?? 0, suppressed: false };
  }

  /** A figure of several fixed areas together (published only if each is). */
  sum(nodes: string[], month: Month, metric: Metric, at: string): Figure {
    return sumFigures(nodes.map((node) => this.figure(node, month, metric, at)));
  }

  /** Cells (e.g. occupations) with a non-zero count somewhere in these nodes. */
  cellsOf(nodes: string[], month: Month, metric: Metric): string[] {
    const cells = new Set<string>();
    for (const node of nodes)
      for (const [at, value] of Object.entries(this.tableOf(node, month, metric).table))
        if (value > 0) cells.add(at);
    return [...cells].sort();
  }

  /** One node's counts and its tree's hidden cells, suppressed once per (tree, month, figure). */
  private tableOf(node: string, month: Month, metric: Metric) {
    const tree = treeOf(node);
    const key = JSON.stringify([tree.root ?? node, month, metric]);
    let suppressed = this.suppressed.get(key);
    if (!suppressed) {
      suppressed = this.suppress(tree, month, metric);
      this.suppressed.set(key, suppressed);
    }
    return { table: suppressed.tables.get(node) ?? {}, hidden: suppressed.hidden };
  }

  private suppress(tree: { root: string | undefined; atoms: string[] }, month: Month, metric: Metric) {
    const byUnit = this.buckets.get(month) ?? new Map<string, Counts>();
    const tables = new Map<string, Counts>();
    const root: Counts = {};
    for (const atom of tree.atoms) {
      const table: Counts = {};
      // Person tables publish totals and one-way breakdowns, never sector × occupation.
      for (const unit of unitsOfAtom(atom))
        for (const [at, value] of Object.entries(metricCells(byUnit.get(unit.id) ?? {}, metric)))
          if (cell.isOneWay(at)) {
            table[at] = (table[at] ?? 0) + value;
            root[at] = (root[at] ?? 0) + value;
          }
      tables.set(atom, table);
    }
    if (tree.root) tables.set(tree.root, root);
    const { cells, lines } = treeTable(tables, tree.root);
    return { tables, hidden: suppress(cells, lines) };
  }
}
