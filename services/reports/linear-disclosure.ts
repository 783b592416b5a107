// Which hidden counts a reader could work out exactly by adding and subtracting the published ones (R-RPT-1).
// Gauss–Jordan elimination over the hidden counts only: a hidden count is disclosed exactly when its own unit
// vector lies in the span of the equations, i.e. it is a pivot whose reduced row holds nothing else. The
// arithmetic is modulo a prime just below 2^26.5, so every product stays an exact double; the equations are
// sums and differences of counts (coefficients ±1), whose minors are far below the prime.

const P = 94_906_249;

const mod = (a: number) => ((a % P) + P) % P;

function inverse(a: number): number {
  let [oldR, r, oldS, s] = [mod(a), P, 1, 0];
  while (r !== 0) {
    const q = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS);
}

/** One term of a linear equation over counts: a variable and its coefficient. */
export interface LinearTerm {
  readonly variable: number;
  readonly coefficient: number;
}

type Row = Map<number, number>;

function subtractMultiple(target: Row, source: Row, factor: number): void {
  for (const [column, value] of source) {
    const next = mod((target.get(column) ?? 0) - ((factor * value) % P));
    if (next === 0) target.delete(column);
    else target.set(column, next);
  }
}

/** The unknowns that the equations (each summing to a known constant) pin down exactly. */
export function determinedUnknowns(equations: readonly (readonly LinearTerm[])[], isUnknown: (variable: number) => boolean): Set<number> {
  const pivots = new Map<number, Row>();
  for (const equation of equations) {
    const row: Row = new Map();
    for (const { variable, coefficient } of equation) {
      if (!isUnknown(variable)) continue;
      const next = mod((row.get(variable) ?? 0) + coefficient);
      if (next === 0) row.delete(variable);
      else row.set(variable, next);
    }
    for (const column of [...row.keys()]) {
      const pivotRow = pivots.get(column);
      const factor = row.get(column);
      if (pivotRow && factor !== undefined) subtractMultiple(row, pivotRow, factor);
    }
    const first = row.keys().next();
    if (first.done) continue;
    const pivot = first.value;
    const scale = inverse(row.get(pivot) ?? 1);
    for (const [column, value] of row) row.set(column, (value * scale) % P);
    for (const other of pivots.values()) {
      const factor = other.get(pivot);
      if (factor !== undefined) subtractMultiple(other, row, factor);
    }
    pivots.set(pivot, row);
  }
  const determined = new Set<number>();
  for (const [pivot, row] of pivots) if (row.size === 1) determined.add(pivot);
  return determined;
}
