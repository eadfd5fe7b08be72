/**
 * Ordinary least squares with an intercept: y ≈ b0 + b1 x1 + … + bk xk.
 * Solved through the normal equations with partial pivoting, which is plenty
 * for the few parameters of a sweep. Returns [b0, b1, …, bk]; a coefficient
 * the data cannot determine (a constant column, too few rows) is NaN.
 *
 * Example: rows [[0], [1], [2]] with y [1, 3, 5] give [1, 2].
 */
export function leastSquares(rows: readonly (readonly number[])[], y: readonly number[]): number[] {
  const k = rows.length > 0 ? rows[0].length : 0;
  const m = k + 1;
  if (rows.length < m) return new Array<number>(m).fill(NaN);
  const a = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let r = 0; r < rows.length; r++) {
    const x = [1, ...rows[r]];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) a[i][j] += x[i] * x[j];
      a[i][m] += x[i] * y[r];
    }
  }
  const isFree = new Array<boolean>(m).fill(false);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    const scale = Math.max(1e-300, ...a.map((row) => Math.abs(row[col])));
    if (Math.abs(a[pivot][col]) < 1e-10 * scale) {
      isFree[col] = true;
      continue;
    }
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= m; c++) a[r][c] -= f * a[col][c];
    }
  }
  return a.map((row, i) => (isFree[i] ? NaN : row[m] / row[i]));
}
