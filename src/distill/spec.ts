/**
 * Plain-TypeScript reference of every loss and its gradient w.r.t. the student's logits, row by
 * row in float64. The tf versions in losses.ts are tested against these; the soft-label view uses
 * softmaxT and entropy directly. No tf here.
 */

/** log softmax(z / T), stable for any T > 0 (max subtracted first). */
export function logSoftmaxT(z: ArrayLike<number>, T = 1): Float64Array {
  const n = z.length;
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, z[i] / T);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(z[i] / T - max);
  const lse = max + Math.log(s);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = z[i] / T - lse;
  return out;
}

/** softmax(z / T). */
export function softmaxT(z: ArrayLike<number>, T = 1): Float64Array {
  return logSoftmaxT(z, T).map(Math.exp);
}

/** Shannon entropy in nats; 0·log 0 counts as 0. */
export function entropy(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
  return h;
}

/** A loss value on one row and its gradient w.r.t. the student logits of that row. */
export interface RowLoss {
  value: number;
  grad: Float64Array;
}

/** −log softmax(z)[target]; gradient softmax(z) − onehot. */
export function hardRow(z: ArrayLike<number>, target: number): RowLoss {
  const ls = logSoftmaxT(z, 1);
  const grad = ls.map(Math.exp);
  grad[target] -= 1;
  return { value: -ls[target], grad };
}

/** T²·KL(softmax(zt/T) ‖ softmax(zs/T)); gradient T·(softmax(zs/T) − softmax(zt/T)). */
export function softRow(zs: ArrayLike<number>, zt: ArrayLike<number>, T: number): RowLoss {
  const ls = logSoftmaxT(zs, T);
  const lt = logSoftmaxT(zt, T);
  let kl = 0;
  const grad = new Float64Array(zs.length);
  for (let i = 0; i < zs.length; i++) {
    const pt = Math.exp(lt[i]);
    kl += pt * (lt[i] - ls[i]);
    grad[i] = T * (Math.exp(ls[i]) - pt);
  }
  return { value: T * T * kl, grad };
}

/** mean((zs − zt)²) over the row; gradient 2(zs − zt)/N. */
export function mseRow(zs: ArrayLike<number>, zt: ArrayLike<number>): RowLoss {
  const n = zs.length;
  let v = 0;
  const grad = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = zs[i] - zt[i];
    v += d * d;
    grad[i] = (2 * d) / n;
  }
  return { value: v / n, grad };
}

/**
 * Ranking distillation: −Σ_k w_k log softmax(zs)[top_k(zt)], the teacher's top-K items as weighted
 * positives (ties in zt broken by lower index); gradient softmax(zs) − Σ_k w_k onehot(top_k).
 */
export function rankRow(zs: ArrayLike<number>, zt: ArrayLike<number>, weights: ArrayLike<number>): RowLoss {
  const k = weights.length;
  const order = Array.from({ length: zt.length }, (_, i) => i).sort((a, b) => zt[b] - zt[a] || a - b);
  const ls = logSoftmaxT(zs, 1);
  const grad = ls.map(Math.exp);
  let v = 0;
  for (let r = 0; r < k; r++) {
    v -= weights[r] * ls[order[r]];
    grad[order[r]] -= weights[r];
  }
  return { value: v, grad };
}

/** Hint: mean((s·P + b − t)²) over the teacher's dim; gradients w.r.t. s, P and b. */
export function hintRow(
  s: ArrayLike<number>,
  P: ArrayLike<number>,
  b: ArrayLike<number>,
  t: ArrayLike<number>,
): { value: number; dS: Float64Array; dP: Float64Array; dB: Float64Array } {
  const ds = s.length;
  const dt = t.length;
  const dS = new Float64Array(ds);
  const dP = new Float64Array(ds * dt);
  const dB = new Float64Array(dt);
  let v = 0;
  for (let j = 0; j < dt; j++) {
    let y = b[j];
    for (let i = 0; i < ds; i++) y += s[i] * P[i * dt + j];
    const d = y - t[j];
    v += d * d;
    const g = (2 * d) / dt;
    dB[j] = g;
    for (let i = 0; i < ds; i++) {
      dP[i * dt + j] = s[i] * g;
      dS[i] += P[i * dt + j] * g;
    }
  }
  return { value: v / dt, dS, dP, dB };
}
