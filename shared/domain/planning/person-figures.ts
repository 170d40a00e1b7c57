/**
 * Published person figures (secrecy.ts): loads the buckets of every unit of the trees
 * asked about, adds them up per EPCI (and the territory), and suppresses per tree, month
 * and figure. The same tree, month and figure always give the same hidden cells,
 * whatever the query that asks.
 */

import { pilotArea, type ResolvedArea } from './areas';
import { atomIdOfUnit, territoryNode, treeOf, unitsOfAtom } from './atoms';
import { all, type Counts } from './contributions';
import type { Month } from './months';
import { type Figure, metricCells, sumFigures, suppress, treeTable } from './secrecy';

/** Buckets of these units for these months (or "now"): month → unit → counters. */
export type BucketReader = (units: string[], months: Month[]) => Promise<Map<Month, Map<string, Counts>>>;

/** Person figures and the attribute they are counted in. */
export const personAttributes = {
  seekers: 'sa',
  newMatches: 'nm',
  acceptedMatches: 'ma',
  seekerSkills: 'ks',
} as const;

/** Published cells of person tables: totals, per sector, per occupation (or skill); never sector × occupation. */
const publishable = (cell: string) => cell.startsWith(`${all}|`) || cell.endsWith(`|${all}`);

export interface PersonNodes {
  nodes: string[];
  /** False when the EPCIs counted reach beyond the area. */
  exact: boolean;
}

/** The fixed areas a planning area's person figures are the sum of. */
export function personNodesOf(resolved: ResolvedArea): PersonNodes {
  if (resolved.area.id === pilotArea.id) return { nodes: [territoryNode], exact: true };
  const atoms = [...new Set(resolved.units.map((unit) => atomIdOfUnit(unit.id)))].sort();
  const inArea = new Set(resolved.units.map((unit) => unit.id));
  const exact = atoms.every((atom) => unitsOfAtom(atom).every((unit) => inArea.has(unit.id)));
  const pilot = treeOf(territoryNode).atoms;
  if (exact && atoms.length === pilot.length && pilot.every((atom) => atoms.includes(atom)))
    return { nodes: [territoryNode], exact };
  return { nodes: atoms, exact };
}

export class PersonFigures {
  private buckets = new Map<Month, Map<string, Counts>>();
  private trees = new Map<string, { root: string | undefined; atoms: string[] }>();
  private suppressed = new Map<string, { tables: Map<string, Counts>; hidden: Set<string> }>();

  constructor(private readonly read: BucketReader) {}

  /** The units whose buckets `nodes` need: every unit of their trees. */
  unitsFor(nodes: string[]): string[] {
    for (const node of nodes) {
      const tree = treeOf(node);
      this.trees.set(tree.root ?? node, tree);
    }
    const units = [...this.trees.values()].flatMap((tree) =>
      tree.atoms.flatMap((atom) => unitsOfAtom(atom).map((unit) => unit.id)),
    );
    return [...new Set(units)];
  }

  /** Buckets already read (month → unit → counters) that cover `unitsFor(nodes)`. */
  use(buckets: Map<Month, Map<string, Counts>>) {
    this.buckets = buckets;
  }

  /** Reads what `nodes` need for `months`. */
  async load(nodes: string[], months: Month[]) {
    this.use(await this.read(this.unitsFor(nodes), months));
  }

  /** The published figure of one fixed area (an EPCI or the territory). */
  figure(node: string, month: Month, attribute: string, cell: string): Figure {
    const { table, hidden } = this.tableOf(node, month, attribute);
    return hidden.has(`${node}#${cell}`)
      ? { value: null, suppressed: true }
      : { value: table[cell] ?? 0, suppressed: false };
  }

  /** A figure of several fixed areas together (published only if each is). */
  sum(nodes: string[], month: Month, attribute: string, cell: string): Figure {
    return sumFigures(nodes.map((node) => this.figure(node, month, attribute, cell)));
  }

  /** Cells (e.g. occupations) with a non-zero count somewhere in these nodes. */
  cellsOf(nodes: string[], month: Month, attribute: string): string[] {
    const cells = new Set<string>();
    for (const node of nodes)
      for (const [cell, value] of Object.entries(this.tableOf(node, month, attribute).table))
        if (value > 0) cells.add(cell);
    return [...cells].sort();
  }

  /** One node's counts and its tree's hidden cells, suppressed once per (tree, month, figure). */
  private tableOf(node: string, month: Month, attribute: string) {
    const tree = treeOf(node);
    const key = `${tree.root ?? node}|${month}|${attribute}`;
    let suppressed = this.suppressed.get(key);
    if (!suppressed) {
      suppressed = this.suppress(tree, month, attribute);
      this.suppressed.set(key, suppressed);
    }
    return { table: suppressed.tables.get(node) ?? {}, hidden: suppressed.hidden };
  }

  private suppress(tree: { root: string | undefined; atoms: string[] }, month: Month, attribute: string) {
    const byUnit = this.buckets.get(month) ?? new Map<string, Counts>();
    const tables = new Map<string, Counts>();
    const root: Counts = {};
    for (const atom of tree.atoms) {
      const table: Counts = {};
      for (const unit of unitsOfAtom(atom))
        for (const [cell, value] of Object.entries(metricCells(byUnit.get(unit.id) ?? {}, attribute)))
          if (publishable(cell)) {
            table[cell] = (table[cell] ?? 0) + value;
            root[cell] = (root[cell] ?? 0) + value;
          }
      tables.set(atom, table);
    }
    if (tree.root) tables.set(tree.root, root);
    const { cells, lines } = treeTable(tables, tree.root);
    return { tables, hidden: suppress(cells, lines) };
  }
}
