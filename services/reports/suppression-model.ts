import type { LinearTerm } from './linear-disclosure';
import type { CountTable } from './suppression';

// The tables to protect as one system of counts (R-RPT-1): every published cell is a variable (linked cells
// share one), every published sum an equation, and every cell an edge between the two sums it is part of.

/** A published cell: where it is, which count it shows, and the two sums (graph nodes) it belongs to. */
export interface Position {
  readonly row: number;
  readonly column: number;
  readonly variable: number;
  readonly total: boolean;
  readonly a: number;
  readonly b: number;
}

/** One table's cells and its graph size. */
export interface Layout {
  readonly rows: number;
  readonly columns: number;
  readonly nodes: number;
  readonly positions: Position[];
  readonly at: (row: number, column: number) => Position | undefined;
}

/** All tables' counts, what is hidden, and every published sum. */
export interface Model {
  readonly values: number[];
  readonly hidden: boolean[];
  readonly layouts: Layout[];
  readonly equations: { terms: (LinearTerm & { position: Position })[] }[];
}

/** Builds the system of counts and sums for a set of tables; linked cells must agree. */
export function buildModel(tables: readonly CountTable[]): Model {
  const values: number[] = [];
  const byKey = new Map<string, number>();
  const equations: Model['equations'] = [];
  const layouts = tables.map((table) => {
    const rows = table.cells.length;
    const columns = table.cells[0]?.length ?? 0;
    if (table.cells.some((r) => r.length !== columns)) throw new Error('every row of a count table needs the same number of cells');
    const rowSum = (i: number) => (table.cells[i] ?? []).reduce((s, v) => s + v, 0);
    const columnSum = (j: number) => table.cells.reduce((s, r) => s + (r[j] ?? 0), 0);
    const rowEquation = (i: number) => table.rowTotals && (i < rows || table.columnTotals);
    const columnEquation = (j: number) => table.columnTotals && (j < columns || table.rowTotals);
    const ground = rows + columns + 2;
    const grid: (Position | undefined)[][] = [];
    const positions: Position[] = [];
    for (let i = 0; i <= rows; i++) {
      grid.push([]);
      for (let j = 0; j <= columns; j++) {
        const exists = (i < rows || table.columnTotals) && (j < columns || table.rowTotals);
        if (!exists) continue;
        const value = i < rows && j < columns ? (table.cells[i]?.[j] ?? 0) : i < rows ? rowSum(i) : j < columns ? columnSum(j) : table.cells.reduce((s, _, k) => s + rowSum(k), 0);
        if (!Number.isInteger(value) || value < 0) throw new Error('counts must be whole numbers, 0 or more');
        const key = table.link?.(i, j);
        let variable = key === undefined ? undefined : byKey.get(key);
        if (variable === undefined) {
          variable = values.push(value) - 1;
          if (key !== undefined) byKey.set(key, variable);
        } else if (values[variable] !== value) {
          throw new Error(`linked counts differ for ${key}`);
        }
        const position = { row: i, column: j, variable, total: i === rows || j === columns, a: rowEquation(i) ? i : ground, b: columnEquation(j) ? rows + 1 + j : ground };
        (grid[i] as (Position | undefined)[])[j] = position;
        positions.push(position);
      }
    }
    const at = (i: number, j: number) => grid[i]?.[j];
    const line = (cells: (Position | undefined)[], total: Position | undefined) => {
      if (!total) return;
      const terms = cells.flatMap((p) => (p ? [{ variable: p.variable, coefficient: 1, position: p }] : []));
      equations.push({ terms: [...terms, { variable: total.variable, coefficient: -1, position: total }] });
    };
    for (let i = 0; i <= rows; i++) if (rowEquation(i)) line(Array.from({ length: columns }, (_, j) => at(i, j)), at(i, columns));
    for (let j = 0; j <= columns; j++) if (columnEquation(j)) line(Array.from({ length: rows }, (_, i) => at(i, j)), at(rows, j));
    return { rows, columns, nodes: ground + 1, positions, at };
  });
  return { values, hidden: values.map(() => false), layouts, equations };
}
