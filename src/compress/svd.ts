/**
 * Thin singular value decomposition by one-sided Jacobi (Hestenes) in float64: rotate pairs of
 * columns until all are orthogonal; their norms are then the singular values. Accurate (no
 * Gram matrix, so no squared condition number) and plenty fast for embedding tables, whose short
 * side is the embedding size (≤ a few hundred).
 */

/** A = U · diag(S) · Vᵀ with A m×n (m ≥ n), U m×n and V n×n column-orthonormal, S descending. */
export interface Svd {
  m: number;
  n: number;
  /** Row-major m×n. */
  U: Float64Array;
  S: Float64Array;
  /** Row-major n×n; column k is the k-th right singular vector. */
  V: Float64Array;
}

/**
 * SVD of a row-major m×n matrix with m ≥ n.
 * @example svd(Float64Array.from([3, 0, 0, 4]), 2, 2).S // → [4, 3]
 */
export function svd(a: ArrayLike<number>, m: number, n: number, maxSweeps = 60): Svd {
  if (n > m) throw new Error(`svd: needs rows ≥ columns, got ${m}×${n}`);
  if (a.length !== m * n) throw new Error(`svd: ${a.length} values for a ${m}×${n} matrix`);
  // column-major copy: each column contiguous, so a rotation walks two arrays
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j++) {
    const c = new Float64Array(m);
    for (let i = 0; i < m; i++) c[i] = a[i * n + j];
    cols.push(c);
  }
  const V = new Float64Array(n * n);
  for (let j = 0; j < n; j++) V[j * n + j] = 1;
  const eps = 1e-15;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const cp = cols[p];
        const cq = cols[q];
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < m; i++) {
          alpha += cp[i] * cp[i];
          beta += cq[i] * cq[i];
          gamma += cp[i] * cq[i];
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < m; i++) {
          const x = cp[i];
          const y = cq[i];
          cp[i] = c * x - s * y;
          cq[i] = s * x + c * y;
        }
        for (let i = 0; i < n; i++) {
          const x = V[i * n + p];
          const y = V[i * n + q];
          V[i * n + p] = c * x - s * y;
          V[i * n + q] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const norms = cols.map((c) => Math.sqrt(c.reduce((acc, x) => acc + x * x, 0)));
  const order = norms.map((_, j) => j).sort((x, y) => norms[y] - norms[x]);
  const U = new Float64Array(m * n);
  const S = new Float64Array(n);
  const Vs = new Float64Array(n * n);
  order.forEach((j, k) => {
    S[k] = norms[j];
    for (let i = 0; i < m; i++) U[i * n + k] = norms[j] > 0 ? cols[j][i] / norms[j] : 0;
    for (let i = 0; i < n; i++) Vs[i * n + k] = V[i * n + j];
  });
  return { m, n, U, S, V: Vs };
}
