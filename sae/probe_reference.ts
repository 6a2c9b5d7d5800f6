// Plain-TS (f64) pieces of probe training: the standardization both paths
// use, and a whole reference training run that the tests compare the GPU's
// weights with (sae/probe_train.ts records the same steps with
// shaders/probe_predict.ts and shaders/probe_step.ts).

import { probePredictReference } from "../shaders/probe_predict.ts";
import { probeStepReference } from "../shaders/probe_step.ts";

/**
 * A column whose standard deviation is at most this fraction of its mean's
 * magnitude is treated as constant: the GPU's variances come from f32 sums
 * and squares in one pass, whose rounding leaves about 1e-7 mean^2 of
 * spurious variance (a std of ~3e-4 |mean|) in a truly constant column.
 */
export const CONSTANT_STD_REL = 1e-3;
/** ... and so is a column whose std is below this fraction of the largest column std. */
export const CONSTANT_STD_OF_MAX = 1e-6;

/** Z-score standardization of each column: x' = (x - mean) * invStd; invStd 0 leaves it out. */
export interface Standardization {
  mean: Float64Array;
  std: Float64Array;
  /** 1 / std, or 0 for a constant or excluded column. */
  invStd: Float64Array;
}

/**
 * Standardization from per-column sums and sums of squares over n rows
 * (population variance). Columns in `exclude` (moderated features) and
 * constant columns (see CONSTANT_STD_REL) get invStd 0: the probe cannot use them.
 */
export function standardization(
  sum: ArrayLike<number>,
  sumSq: ArrayLike<number>,
  n: number,
  exclude: ReadonlySet<number> = new Set(),
): Standardization {
  const d = sum.length;
  const mean = new Float64Array(d), std = new Float64Array(d), invStd = new Float64Array(d);
  let largest = 0;
  for (let j = 0; j < d; j++) {
    mean[j] = sum[j] / n;
    std[j] = Math.sqrt(Math.max(0, sumSq[j] / n - mean[j] * mean[j]));
    largest = Math.max(largest, std[j]);
  }
  for (let j = 0; j < d; j++) {
    const constant = std[j] <= CONSTANT_STD_REL * Math.abs(mean[j]) ||
      std[j] <= CONSTANT_STD_OF_MAX * largest || std[j] === 0;
    invStd[j] = constant || exclude.has(j) ? 0 : 1 / std[j];
  }
  return { mean, std, invStd };
}

/** The [2, d] (mean, invStd) layout the kernels read. */
export function standardizationRows(s: Standardization): Float64Array {
  const d = s.mean.length, out = new Float64Array(2 * d);
  out.set(s.mean);
  out.set(s.invStd, d);
  return out;
}

/** The bias a probe starts from: the log-odds of the positive class in training. */
export function initialBias(y: ArrayLike<number>, n: number): number {
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i];
  return Math.log(pos / (n - pos));
}

/** Options of a training run (the GPU's and the reference's). */
export interface TrainSteps {
  steps: number;
  lr: number;
  l1: number;
}

/**
 * The reference training run in f64: x [rows, d] (training rows first, n of
 * them), y [>= n]; standardization from the training rows; `steps` ISTA steps
 * from w = 0 and the initial bias. Returns the weights [d + 1] and the
 * standardization.
 */
export function trainProbeReference(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number,
  d: number,
  o: TrainSteps,
  exclude: ReadonlySet<number> = new Set(),
): { weights: Float64Array; standardization: Standardization } {
  const sum = new Float64Array(d), sumSq = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < d; j++) {
      const v = x[r * d + j];
      sum[j] += v;
      sumSq[j] += v * v;
    }
  }
  const s = standardization(sum, sumSq, n, exclude);
  const rows = standardizationRows(s);
  let w: Float64Array = new Float64Array(d + 1);
  w[d] = initialBias(y, n);
  for (let step = 0; step < o.steps; step++) {
    const prob = probePredictReference(x, n, d, w, rows);
    w = probeStepReference(x, y, prob, rows, w, n, d, o);
  }
  return { weights: w, standardization: s };
}
