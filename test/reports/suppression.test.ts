import fc from 'fast-check';
import { suppressTables } from '../../services/reports';
import type { CountTable, ProtectedTable, PublishedCount } from '../../services/reports';
import { cellsOf, inconsistentLinks, shapesOf, linesForcingZero, linesWithOneUnknown, solvableHiddenCounts } from './disclosure-check';

const SEED = { seed: 20270114 };
const shown = (c: PublishedCount) => (c.type === 'count' ? c.value : 'c');
const grid = (t: ProtectedTable) => [...t.cells.map((r, i) => [...r.map(shown), ...(t.rowTotals ? [shown(t.rowTotals[i] as PublishedCount)] : [])]), ...(t.columnTotals ? [[...t.columnTotals.map(shown), ...(t.grandTotal ? [shown(t.grandTotal)] : [])]] : [])];

/** Tables over one population: each characteristic × outcome, sharing the outcome totals and the headcount. */
function populationTables(people: readonly { traits: number[]; outcome: number; pay: number }[], traitSizes: readonly number[], outcomes: number, pays: number): CountTable[] {
  const count = (rows: number, columns: number, rowOf: (p: (typeof people)[number]) => number, columnOf: (p: (typeof people)[number]) => number) => {
    const cells = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
    for (const p of people) (cells[rowOf(p)] as number[])[columnOf(p)] = ((cells[rowOf(p)] as number[])[columnOf(p)] ?? 0) + 1;
    return cells;
  };
  const overall = (columns: number, of: (p: (typeof people)[number]) => number, name: string): CountTable => ({
    cells: count(columns, 1, of, () => 0),
    rowTotals: false,
    columnTotals: true,
    link: (i) => (i === columns ? 'all' : `${name}:${i}`),
  });
  return [
    overall(outcomes, (p) => p.outcome, 'outcome'),
    overall(pays, (p) => p.pay, 'pay'),
    ...traitSizes.flatMap((size, k) =>
      (
        [
          ['outcome', outcomes, (p: (typeof people)[number]) => p.outcome],
          ['pay', pays, (p: (typeof people)[number]) => p.pay],
        ] as const
      ).map(([name, width, of]) => ({
        cells: count(size, width, (p) => p.traits[k] ?? 0, of),
        rowTotals: true,
        columnTotals: true,
        link: (i: number, j: number) => (i === size && j === width ? 'all' : i === size ? `${name}:${j}` : j === width ? `trait${k}:${i}` : undefined),
      })),
    ),
  ];
}

const aPopulation = fc
  .record({ traitSizes: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }), outcomes: fc.integer({ min: 2, max: 5 }), pays: fc.integer({ min: 2, max: 5 }), threshold: fc.integer({ min: 3, max: 15 }) })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      people: fc.array(
        fc.record({
          // Skewed choices, as real schools are: most people in a few categories.
          traits: fc.tuple(...shape.traitSizes.map((n) => fc.integer({ min: 0, max: n * n - 1 }).map((x) => Math.floor(Math.sqrt(x))))),
          outcome: fc.integer({ min: 0, max: shape.outcomes * shape.outcomes - 1 }).map((x) => Math.floor(Math.sqrt(x))),
          pay: fc.integer({ min: 0, max: shape.pays - 1 }),
        }),
        { maxLength: 150, size: 'max' },
      ),
    }),
  );

describe('small-number suppression (R-RPT-1)', () => {
  it.each([
    ['a lone small cell is hidden with three others, keeping every total', { cells: [[12, 3], [20, 25]], rowTotals: true, columnTotals: true }, [['c', 'c', 15], ['c', 'c', 45], [32, 28, 60]]],
    ['a small row total is hidden with its cells, and with the cheapest other row', { cells: [[5, 4], [30, 40], [20, 25]], rowTotals: true, columnTotals: true }, [['c', 'c', 'c'], [30, 40, 70], ['c', 'c', 'c'], [55, 69, 124]]],
    ['a zero is hidden like any small count', { cells: [[0, 30], [20, 25]], rowTotals: true, columnTotals: true }, [['c', 'c', 30], ['c', 'c', 45], [20, 55, 75]]],
    ['a one-column table with a total hides a second count beside a small one', { cells: [[3], [40], [25]], rowTotals: false, columnTotals: true }, [['c'], [40], ['c'], [68]]],
    ['a table without totals hides only the small counts', { cells: [[3], [40]], rowTotals: false, columnTotals: false }, [['c'], [40]]],
  ] as const)('R-RPT-1: %s', (_name, table, expected) => {
    const [result] = suppressTables([table], { threshold: 10 });
    expect(grid(result as ProtectedTable)).toEqual(expected);
  });

  it('R-RPT-1: a whole row in one column does not give the row away through published zeros', () => {
    const [result] = suppressTables([{ cells: [[0, 12, 0], [15, 20, 11]], rowTotals: true, columnTotals: true }], { threshold: 10 });
    const row = (result as ProtectedTable).cells[0] as PublishedCount[];
    expect(row.every((c) => c.type === 'hidden')).toBe(true);
  });

  it('R-RPT-1: a count hidden in one table is hidden in every table that shows it', () => {
    const tables: CountTable[] = [
      { cells: [[4], [30]], rowTotals: false, columnTotals: true, link: (i) => (i === 2 ? 'all' : `r:${i}`) },
      { cells: [[2, 2], [10, 20]], rowTotals: true, columnTotals: true, link: (i, j) => (j === 2 ? (i === 2 ? 'all' : `r:${i}`) : undefined) },
    ];
    const [first, second] = suppressTables(tables, { threshold: 10 });
    expect(first?.cells[0]?.[0]).toEqual({ type: 'hidden' });
    expect(second?.rowTotals?.[0]).toEqual({ type: 'hidden' });
  });

  it('R-RPT-1: counts safe in each table alone but solvable across three tables get one more total hidden', () => {
    // x + y, x + z and y + z are each published: together they give x, y and z away.
    const pair = (first: string, second: string, a: number, b: number): CountTable => ({ cells: [[a], [b]], rowTotals: false, columnTotals: true, link: (i) => [first, second][i] });
    const tables = [pair('x', 'y', 6, 5), pair('x', 'z', 6, 7), pair('y', 'z', 5, 7)];
    const published = suppressTables(tables, { threshold: 10 });
    expect(published.map((t) => t.columnTotals?.[0]?.type)).toContain('hidden');
    expect(solvableHiddenCounts(cellsOf(shapesOf(tables, published)).lines)).toEqual([]);
  });

  it('R-RPT-1: linked counts that differ are a programming error', () => {
    const link = () => 'same';
    expect(() => suppressTables([{ cells: [[1]], rowTotals: false, columnTotals: false, link }, { cells: [[2]], rowTotals: false, columnTotals: false, link }], { threshold: 10 })).toThrow('linked counts differ');
  });

  it('R-RPT-1: over random schools and thresholds 3..15, nothing below the threshold is shown and no hidden count can be worked out from any table', () => {
    fc.assert(
      fc.property(aPopulation, ({ shape, people }) => {
        const tables = populationTables(people, shape.traitSizes, shape.outcomes, shape.pays);
        const published = suppressTables(tables, { threshold: shape.threshold });
        const { cells, lines } = cellsOf(shapesOf(tables, published));
        expect(cells.filter((c) => c.shown.type === 'count' && c.shown.value < shape.threshold)).toEqual([]);
        expect(inconsistentLinks(cells)).toEqual([]);
        expect(linesWithOneUnknown(lines)).toEqual([]);
        expect(linesForcingZero(lines)).toEqual([]);
        expect(solvableHiddenCounts(lines)).toEqual([]);
      }),
      { ...SEED, numRuns: 150 },
    );
  });
});
