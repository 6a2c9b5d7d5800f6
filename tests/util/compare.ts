// Two-sided closeness checks whose failure message says how many elements
// failed, the worst error and where (the project style: say what failed).

export interface CloseOptions {
  /** Allowed |got - want| as a fraction of max|want| (the convention of tests/fixtures/README.md). */
  rel?: number;
  /** Allowed absolute |got - want| (added to the relative allowance). */
  abs?: number;
  /** Shape of the data, so the worst element is named by its index tuple. */
  shape?: readonly number[];
}

export interface CloseReport {
  failed: number;
  maxAbs: number;
  maxRel: number;
  worst: number;
  allowed: number;
}

export function compareClose(
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  opts: CloseOptions = {},
): CloseReport {
  if (got.length !== want.length) {
    throw new Error(`length mismatch: got ${got.length} values, want ${want.length}`);
  }
  let scale = 0;
  for (let i = 0; i < want.length; i++) scale = Math.max(scale, Math.abs(want[i]));
  const allowed = (opts.rel ?? 0) * scale + (opts.abs ?? 0);
  let failed = 0, maxAbs = 0, worst = 0;
  for (let i = 0; i < want.length; i++) {
    const d = Math.abs(got[i] - want[i]);
    // NaN in either side must fail: compare with a negated <=.
    if (!(d <= allowed)) failed++;
    if (!(d <= maxAbs)) {
      maxAbs = Number.isNaN(d) ? Infinity : d;
      worst = i;
    }
  }
  return { failed, maxAbs, maxRel: scale > 0 ? maxAbs / scale : maxAbs, worst, allowed };
}

function indexOf(i: number, shape?: readonly number[]): string {
  if (!shape) return `[${i}]`;
  const idx: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(i % shape[d]);
    i = Math.floor(i / shape[d]);
  }
  return `[${idx.join(", ")}]`;
}

export function assertClose(
  name: string,
  got: ArrayLike<number>,
  want: ArrayLike<number>,
  opts: CloseOptions,
): CloseReport {
  const r = compareClose(got, want, opts);
  if (r.failed > 0) {
    throw new Error(
      `${name}: ${r.failed} of ${want.length} elements differ by more than ${
        r.allowed.toExponential(3)
      }; ` +
        `worst at ${indexOf(r.worst, opts.shape)}: got ${got[r.worst]}, want ${want[r.worst]} ` +
        `(|diff| ${r.maxAbs.toExponential(3)}, ${r.maxRel.toExponential(3)} of max|want|)`,
    );
  }
  return r;
}

/** A seeded PRNG (mulberry32) so random tests are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n uniform values in [-scale, scale). */
export function randomArray(random: () => number, n: number, scale = 1): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (random() * 2 - 1) * scale;
  return a;
}
