import type { CountTable, ProtectedTable, PublishedCount } from '../../services/reports';

// An independent reader of published tables: what could someone work out from what is shown? Exact rational
// arithmetic (BigInt fractions), written apart from the suppression code it checks.

interface Cell {
  table: number;
  row: number;
  column: number;
  key: string;
  shown: PublishedCount;
}

type Fraction = [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const norm = ([n, d]: Fraction): Fraction => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return [n / g, d / g];
};
const sub = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1], a[1] * b[0]]);

/** A published table as a reader sees it, with what the reader knows about counts it shares with others. */
export interface PublishedShape {
  readonly rows: number;
  readonly columns: number;
  /** The name of a count shown in other tables too; row `rows` is the totals row, column `columns` the totals column. */
  readonly link?: (row: number, column: number) => string | undefined;
  readonly published: { readonly cells: readonly (readonly PublishedCount[])[]; readonly rowTotals: readonly PublishedCount[] | null; readonly columnTotals: readonly PublishedCount[] | null; readonly grandTotal: PublishedCount | null };
}

/** The shapes of count tables after suppression. */
export const shapesOf = (tables: readonly CountTable[], published: readonly ProtectedTable[]): PublishedShape[] =>
  tables.map((t, k) => ({ rows: t.cells.length, columns: t.cells[0]?.length ?? 0, link: t.link, published: published[k] as ProtectedTable }));

/** Every published cell of the tables, with the name of the count it shows (linked cells share a name). */
export function cellsOf(tables: readonly PublishedShape[]): { cells: Cell[]; lines: Cell[][] } {
  const cells: Cell[] = [];
  const lines: Cell[][] = [];
  tables.forEach((table, t) => {
    const out = table.published;
    const { rows, columns } = table;
    const grid = new Map<string, Cell>();
    const add = (row: number, column: number, shown: PublishedCount | undefined) => {
      if (!shown) return;
      const cell = { table: t, row, column, key: table.link?.(row, column) ?? `t${t}:${row}:${column}`, shown };
      cells.push(cell);
      grid.set(`${row}:${column}`, cell);
    };
    out.cells.forEach((r, i) => r.forEach((c, j) => add(i, j, c)));
    out.rowTotals?.forEach((c, i) => add(i, columns, c));
    out.columnTotals?.forEach((c, j) => add(rows, j, c));
    if (out.grandTotal) add(rows, columns, out.grandTotal);
    const pick = (coords: [number, number][]) => coords.flatMap(([i, j]) => (grid.has(`${i}:${j}`) ? [grid.get(`${i}:${j}`) as Cell] : []));
    // Each line lists its parts then its total last.
    for (let i = 0; i <= rows; i++) {
      const total = grid.get(`${i}:${columns}`);
      if (total) lines.push([...pick(Array.from({ length: columns }, (_, j) => [i, j])), total]);
    }
    for (let j = 0; j <= columns; j++) {
      const total = grid.get(`${rows}:${j}`);
      if (total) lines.push([...pick(Array.from({ length: rows }, (_, i) => [i, j])), total]);
    }
  });
  return { cells, lines };
}

/** Names of hidden counts that are shown elsewhere (a linked count must be hidden everywhere or nowhere). */
export function inconsistentLinks(cells: readonly Cell[]): string[] {
  const kinds = new Map<string, Set<string>>();
  for (const c of cells) kinds.set(c.key, (kinds.get(c.key) ?? new Set()).add(c.shown.type));
  return [...kinds].filter(([, k]) => k.size > 1).map(([key]) => key);
}

/** Lines (a row or column with its total) that leave exactly one unknown count. */
export function linesWithOneUnknown(lines: readonly Cell[][]): Cell[][] {
  return lines.filter((line) => new Set(line.filter((c) => c.shown.type === 'hidden').map((c) => c.key)).size === 1);
}

/** Lines whose published total and parts force every hidden part to be 0. */
export function linesForcingZero(lines: readonly Cell[][]): Cell[][] {
  return lines.filter((line) => {
    const total = line[line.length - 1] as Cell;
    const parts = line.slice(0, -1);
    if (total.shown.type === 'hidden' || !parts.some((c) => c.shown.type === 'hidden')) return false;
    const shown = parts.reduce((s, c) => s + (c.shown.type === 'count' ? c.shown.value : 0), 0);
    return total.shown.value - shown === 0;
  });
}

/** Hidden counts that the published sums pin down exactly (Gauss–Jordan over the rationals). */
export function solvableHiddenCounts(lines: readonly Cell[][]): string[] {
  const unknown = [...new Set(lines.flat().filter((c) => c.shown.type === 'hidden').map((c) => c.key))];
  const index = new Map(unknown.map((k, i) => [k, i]));
  const pivots: { column: number; row: Map<number, Fraction> }[] = [];
  for (const line of lines) {
    const row = new Map<number, Fraction>();
    line.forEach((c, k) => {
      const i = index.get(c.key);
      if (i === undefined || c.shown.type !== 'hidden') return;
      const sign = k === line.length - 1 ? -1n : 1n;
      const next = sub(row.get(i) ?? [0n, 1n], [-sign, 1n]);
      if (next[0] === 0n) row.delete(i);
      else row.set(i, next);
    });
    for (const p of pivots) {
      const f = row.get(p.column);
      if (!f) continue;
      for (const [col, v] of p.row) {
        const next = sub(row.get(col) ?? [0n, 1n], mul(f, v));
        if (next[0] === 0n) row.delete(col);
        else row.set(col, next);
      }
    }
    const first = [...row.keys()][0];
    if (first === undefined) continue;
    const lead = row.get(first) as Fraction;
    for (const [col, v] of row) row.set(col, div(v, lead));
    for (const p of pivots) {
      const f = p.row.get(first);
      if (!f) continue;
      for (const [col, v] of row) {
        const next = sub(p.row.get(col) ?? [0n, 1n], mul(f, v));
        if (next[0] === 0n) p.row.delete(col);
        else p.row.set(col, next);
      }
    }
    pivots.push({ column: first, row });
  }
  return pivots.filter((p) => p.row.size === 1).map((p) => unknown[p.column] as string);
}
