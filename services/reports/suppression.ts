import { z } from 'zod/v4';
import { determinedUnknowns } from './linear-disclosure';
import { bridges } from './suppression-graph';
import type { GraphEdge } from './suppression-graph';
import { buildModel } from './suppression-model';
import type { Layout, Model, Position } from './suppression-model';

// Small-number suppression for published tables (R-RPT-1). Primary: every count below the threshold is hidden,
// zero included — a published 0 beside a published total can give away a whole group's outcome ("all 12 were
// rated Not met"), and lets a reader bound every hidden count from below by 1. Complementary: more cells are
// hidden until no hidden count can be worked out from the table's sums (every hidden cell on a cycle of hidden
// cells), nor from any other table that shares a count (linked cells are one count, hidden everywhere or
// nowhere; a final check solves all the tables' sums together), nor from a line whose hidden cells must then
// add up to 0. The layout of a table never depends on the data, so its shape gives nothing away either.

/** The smallest count a school may publish unless it sets its own (R-RPT-1). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 10;
/** zod schema for a school's suppression threshold. */
export const suppressionThresholdSchema = z.number().int().min(2).max(100);

/** A table of counts to publish, with the totals it shows. */
export interface CountTable {
  readonly cells: readonly (readonly number[])[];
  readonly rowTotals: boolean;
  readonly columnTotals: boolean;
  /** Names a count shown in another table too; row `cells.length` is the totals row, column `width` the totals column. */
  readonly link?: (row: number, column: number) => string | undefined;
}

/** A count as published: its value, or hidden. */
export type PublishedCount = { readonly type: 'count'; readonly value: number } | { readonly type: 'hidden' };

/** A table after suppression. */
export interface ProtectedTable {
  readonly cells: PublishedCount[][];
  readonly rowTotals: PublishedCount[] | null;
  readonly columnTotals: PublishedCount[] | null;
  readonly grandTotal: PublishedCount | null;
}


/** Hides every count below the threshold and enough others that none can be worked out (R-RPT-1). */
export function suppressTables(tables: readonly CountTable[], options: { readonly threshold: number }): ProtectedTable[] {
  const threshold = suppressionThresholdSchema.parse(options.threshold);
  const model = buildModel(tables);
  model.values.forEach((value, variable) => {
    if (value < threshold) model.hidden[variable] = true;
  });
  for (;;) {
    let changed = false;
    for (const layout of model.layouts) while (closeOneBridge(model, layout)) changed = true;
    if (!changed) changed = hideBesideZeroSum(model);
    if (!changed) changed = hideBesideDisclosed(model);
    if (!changed) break;
  }
  return tables.map((table, k) => publish(model, model.layouts[k] as Layout, table));
}

// Totals are worth more to readers than single cells, so a complement is a total only when nothing else will do.
const cost = (model: Model, p: Position) => (model.values[p.variable] ?? 0) + 1 + (p.total ? 1_000_000 : 0);
const cheapest = (model: Model, candidates: readonly Position[]) =>
  candidates.reduce<Position | undefined>((best, p) => (best === undefined || cost(model, p) < cost(model, best) ? p : best), undefined);

/** Finds one hidden cell on no cycle and hides the cheapest cells that put it on one (a shortest path). */
function closeOneBridge(model: Model, layout: Layout): boolean {
  const edges: GraphEdge[] = layout.positions.flatMap((p, id) => (model.hidden[p.variable] ? [{ id, a: p.a, b: p.b }] : []));
  const [bridge] = bridges(layout.nodes, edges);
  if (!bridge) return false;
  const parent = Array.from({ length: layout.nodes }, (_, i) => i);
  const find = (n: number): number => (parent[n] === n ? n : (parent[n] = find(parent[n] as number)));
  for (const e of edges) if (e.id !== bridge.id) parent[find(e.a)] = find(e.b);
  const [from, to] = [find(bridge.a), find(bridge.b)];
  const distance = new Map<number, number>([[from, 0]]);
  const via = new Map<number, { previous: number; position: Position }>();
  const done = new Set<number>();
  for (;;) {
    let node: number | undefined;
    for (const [n, d] of distance) if (!done.has(n) && (node === undefined || d < (distance.get(node) ?? Infinity))) node = n;
    if (node === undefined) throw new Error('a hidden count in this table cannot be protected');
    if (node === to) break;
    done.add(node);
    for (const p of layout.positions) {
      if (model.hidden[p.variable]) continue;
      const [x, y] = [find(p.a), find(p.b)];
      const other: number | undefined = x === node ? y : y === node ? x : undefined;
      if (other === undefined || other === node) continue;
      const d = (distance.get(node) ?? 0) + cost(model, p);
      if (d < (distance.get(other) ?? Infinity)) {
        distance.set(other, d);
        via.set(other, { previous: node, position: p });
      }
    }
  }
  for (let n = to; n !== from; ) {
    const step = via.get(n) as { previous: number; position: Position };
    model.hidden[step.position.variable] = true;
    n = step.previous;
  }
  return true;
}

/** A published total whose hidden cells must add up to 0 gives each of them away: hide one more cell. */
function hideBesideZeroSum(model: Model): boolean {
  for (const { terms } of model.equations) {
    const total = terms.find((t) => t.coefficient < 0);
    if (!total || model.hidden[total.variable]) continue;
    const parts = terms.filter((t) => t.coefficient > 0);
    const hiddenParts = parts.filter((t) => model.hidden[t.variable]);
    if (hiddenParts.length === 0 || hiddenParts.some((t) => (model.values[t.variable] ?? 0) > 0)) continue;
    const next = cheapest(model, parts.filter((t) => !model.hidden[t.variable] && (model.values[t.variable] ?? 0) > 0).map((t) => t.position));
    if (next) {
      model.hidden[next.variable] = true;
      return true;
    }
  }
  return false;
}

/** The final check across every table at once: a count still worked out exactly gets a hidden neighbour. */
function hideBesideDisclosed(model: Model): boolean {
  const disclosed = determinedUnknowns(model.equations.map((e) => e.terms), (v) => model.hidden[v] === true);
  const [variable] = [...disclosed].sort((x, y) => x - y);
  if (variable === undefined) return false;
  const homes = model.layouts.filter((l) => l.positions.some((p) => p.variable === variable));
  const neighbours = homes.flatMap((layout) => {
    const ground = layout.nodes - 1;
    const mine = layout.positions.filter((p) => p.variable === variable);
    return layout.positions.filter((q) => !model.hidden[q.variable] && mine.some((p) => (q.a === p.a && p.a !== ground) || (q.b === p.b && p.b !== ground)));
  });
  const next = cheapest(model, neighbours) ?? cheapest(model, homes.flatMap((l) => l.positions.filter((q) => !model.hidden[q.variable])));
  if (!next) throw new Error('a hidden count can be worked out and nothing is left to hide');
  model.hidden[next.variable] = true;
  return true;
}

function publish(model: Model, layout: Layout, table: CountTable): ProtectedTable {
  const show = (i: number, j: number): PublishedCount => {
    const p = layout.at(i, j);
    if (!p) throw new Error('no such cell');
    return model.hidden[p.variable] ? { type: 'hidden' } : { type: 'count', value: model.values[p.variable] ?? 0 };
  };
  const { rows, columns } = layout;
  return {
    cells: Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => show(i, j))),
    rowTotals: table.rowTotals ? Array.from({ length: rows }, (_, i) => show(i, columns)) : null,
    columnTotals: table.columnTotals ? Array.from({ length: columns }, (_, j) => show(rows, j)) : null,
    grandTotal: table.rowTotals && table.columnTotals ? show(rows, columns) : null,
  };
}
