// Mean KL divergence between two sets of logits, the accuracy measure of the
// quantized formats (tests/golden/quant_test.ts, bench/accuracy.ts).

function logSoftmax(a: Float32Array, offset: number, n: number): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < n; i++) max = Math.max(max, a[offset + i]);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(a[offset + i] - max);
  const lse = max + Math.log(s);
  return Float64Array.from({ length: n }, (_, i) => a[offset + i] - lse);
}

/** Mean over rows of KL(softmax(p) || softmax(q)) for logits [rows, vocab], in f64. */
export function meanKl(p: Float32Array, q: Float32Array, vocab: number): number {
  if (p.length !== q.length || p.length % vocab !== 0) {
    throw new Error(`meanKl: ${p.length} and ${q.length} values are not equal rows of ${vocab}`);
  }
  const rows = p.length / vocab;
  let total = 0;
  for (let t = 0; t < rows; t++) {
    const lp = logSoftmax(p, t * vocab, vocab), lq = logSoftmax(q, t * vocab, vocab);
    for (let i = 0; i < vocab; i++) total += Math.exp(lp[i]) * (lp[i] - lq[i]);
  }
  return total / rows;
}

/** Fraction of rows of logits [rows, vocab] whose argmax equals the reference's. */
export function top1Agreement(p: Float32Array, q: Float32Array, vocab: number): number {
  if (p.length !== q.length || p.length % vocab !== 0) {
    throw new Error(
      `top1Agreement: ${p.length} and ${q.length} values are not equal rows of ${vocab}`,
    );
  }
  const argmax = (a: Float32Array, t: number) => {
    let best = t * vocab;
    for (let i = t * vocab + 1; i < (t + 1) * vocab; i++) if (a[i] > a[best]) best = i;
    return best;
  };
  const rows = p.length / vocab;
  let same = 0;
  for (let t = 0; t < rows; t++) if (argmax(p, t) === argmax(q, t)) same++;
  return same / rows;
}
