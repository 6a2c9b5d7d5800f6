// Which device holds which layers. Contiguous layer ranges, the embedding with
// the first range, the final norm and lm_head with the last (a tied lm_head is
// then a second copy of the embedding on the last device). Sizes come from the
// config and the weight format, before anything is loaded.

import { OutOfMemoryError } from "../errors.ts";
import type { LlamaConfig } from "../formats/config.ts";
import { type MatrixFormat, quantLayout, rowBytes } from "../quant/format.ts";
import { blockLayout } from "../quant/block_matrix.ts";

/** The layers one device holds and its planned bytes (`engine.placement`). */
export interface DevicePlacement {
  /** Index into the engine's devices. */
  device: number;
  /** Layers [first, end). */
  first: number;
  /** One past the last layer. */
  end: number;
  /** Holds the embedding (the first device). */
  embed: boolean;
  /** Holds the final norm and lm_head (the last device). */
  head: boolean;
  /** Planned bytes: weights, KV cache, activation scratch, an SAE on one of its layers. */
  bytes: { weights: number; kvCache: number; scratch: number; sae: number; total: number };
}

export interface PlacementInput {
  config: LlamaConfig;
  format: MatrixFormat;
  embedFormat: MatrixFormat;
  block?: number;
  contextLength: number;
  maxChunk: number;
  devices: number;
  /** Bytes each device may use (one number for all, or one per device). */
  budget?: number | readonly number[];
  /** Explicit layers per device, e.g. [3, 2]; overrides the budget-driven plan. */
  layersPerDevice?: readonly number[];
  /**
   * An SAE on the device that holds `layer` (see saeBytes). It counts against
   * that device's budget but does not move the layer split.
   */
  sae?: { layer: number; bytes: number };
}

/**
 * Device bytes of an SAE d_in -> d_sae: W_enc and W_dec [d_sae, d_in] in
 * `format` (f32 or q8), the biases, and one [maxChunk, d_sae] f32 features buffer.
 */
export function saeBytes(dIn: number, dSae: number, format: "f32" | "q8", maxChunk: number) {
  return 2 * matrixBytes(dSae, dIn, format) + 4 * (dSae + dIn) + 4 * maxChunk * dSae;
}

function matrixBytes(rows: number, cols: number, format: MatrixFormat, block?: number): number {
  if (format === "q4k" || format === "q6k") return rows * blockLayout(format, cols).wordsPerRow * 4;
  return rows * (format === "f32" ? cols * 4 : rowBytes(quantLayout(format, cols, block)));
}

/** Planned bytes of the pieces a device can hold. */
export function pieceBytes(p: PlacementInput) {
  const c = p.config, h = c.hiddenSize, i = c.intermediateSize;
  const q = c.numAttentionHeads * c.headDim, kv = c.numKeyValueHeads * c.headDim;
  const m = (rows: number, cols: number) => matrixBytes(rows, cols, p.format, p.block);
  const layer = m(q, h) + 2 * m(kv, h) + m(h, q) + 2 * m(i, h) + m(h, i) + 2 * h * 4;
  const kvLayer = 2 * p.contextLength * kv * 4;
  const embed = matrixBytes(c.vocabSize, h, p.embedFormat, p.block);
  const head = h * 4 + embed; // final norm + lm_head (a copy of the embedding when tied)
  const chunk = p.maxChunk;
  const scratchBase = chunk * 4 * (4 * h + 2 * q + 2 * kv + 3 * i + 1) + 2 * h * 4 +
    p.contextLength * c.headDim * 4;
  const scratchHead = chunk * c.vocabSize * 4;
  return { layer, kvLayer, embed, head, scratchBase, scratchHead };
}

const MiB = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

export function planPlacement(p: PlacementInput): DevicePlacement[] {
  const L = p.config.numHiddenLayers, n = p.devices;
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`devices must be a positive integer, got ${n}`);
  }
  if (n > L) throw new Error(`${n} devices for ${L} layers: each device needs at least one layer`);
  const b = pieceBytes(p);
  const budgets = Array.isArray(p.budget)
    ? p.budget as readonly number[]
    : new Array(n).fill(p.budget ?? Infinity);
  if (budgets.length !== n) {
    throw new Error(`memoryBudget has ${budgets.length} entries for ${n} devices`);
  }
  const cost = (d: number, layers: number) =>
    layers * (b.layer + b.kvLayer) + b.scratchBase + (d === 0 ? b.embed : 0) +
    (d === n - 1 ? b.head + b.scratchHead : 0);

  let counts: number[];
  if (p.layersPerDevice) {
    counts = [...p.layersPerDevice];
    if (counts.length !== n || counts.some((k) => !Number.isInteger(k) || k < 1)) {
      throw new Error(`placement must give ${n} positive layer counts, got [${counts}]`);
    }
    if (counts.reduce((a, k) => a + k, 0) !== L) {
      throw new Error(
        `placement [${counts}] covers ${
          counts.reduce((a, k) => a + k, 0)
        } layers; the model has ${L}`,
      );
    }
  } else if (budgets.every((x) => x === Infinity)) {
    // No budgets: balance bytes, so that no device holds much more than another.
    counts = balance(n, L, cost);
  } else {
    counts = fill(n, L, budgets, cost);
  }
  let first = 0;
  const plan = counts.map((k, d) => {
    const weights = k * b.layer + (d === 0 ? b.embed : 0) + (d === n - 1 ? b.head : 0);
    const kvCache = k * b.kvLayer;
    const scratch = b.scratchBase + (d === n - 1 ? b.scratchHead : 0);
    const holdsSae = p.sae !== undefined && p.sae.layer >= first && p.sae.layer < first + k;
    const sae = holdsSae ? p.sae!.bytes : 0;
    const out: DevicePlacement = {
      device: d,
      first,
      end: first + k,
      embed: d === 0,
      head: d === n - 1,
      bytes: { weights, kvCache, scratch, sae, total: weights + kvCache + scratch + sae },
    };
    first += k;
    return out;
  });
  if (p.sae && !(p.sae.layer >= 0 && p.sae.layer < L)) {
    throw new Error(`the SAE's layer ${p.sae.layer} is not one of the model's ${L} layers`);
  }
  for (const d of plan) {
    if (d.bytes.total > budgets[d.device]) {
      throw new OutOfMemoryError(
        d.bytes.total,
        budgets[d.device],
        `device ${d.device} would hold ${MiB(d.bytes.total)} (layers ${d.first}-${d.end - 1}${
          d.bytes.sae ? ", and the SAE" : ""
        }), over its ` +
          `budget of ${MiB(budgets[d.device])} by ${MiB(d.bytes.total - budgets[d.device])}`,
      );
    }
  }
  return plan;
}

/** Greedy: each device takes layers while they fit its budget; the last takes the rest. */
function fill(
  n: number,
  L: number,
  budgets: readonly number[],
  cost: (d: number, k: number) => number,
): number[] {
  const counts: number[] = [];
  let left = L;
  for (let d = 0; d < n; d++) {
    const reserve = n - d - 1; // every later device needs a layer
    if (d === n - 1) {
      counts.push(left);
      if (cost(d, left) > budgets[d]) {
        const need = cost(d, left) - budgets[d];
        throw new OutOfMemoryError(
          cost(d, left),
          budgets[d],
          `the model does not fit: the last device needs ${MiB(cost(d, left))} for layers ` +
            `${L - left}-${L - 1} and the head, ${MiB(need)} more than its budget of ${
              MiB(budgets[d])
            }`,
        );
      }
      break;
    }
    let k = 0;
    while (k < left - reserve && cost(d, k + 1) <= budgets[d]) k++;
    if (k === 0) {
      throw new OutOfMemoryError(
        cost(d, 1),
        budgets[d],
        `the model does not fit: device ${d} cannot hold even one layer ` +
          `(${MiB(cost(d, 1))} needed, budget ${MiB(budgets[d])})`,
      );
    }
    counts.push(k);
    left -= k;
  }
  return counts;
}

/** Splits L layers into n contiguous ranges minimising the largest device's bytes. */
function balance(n: number, L: number, cost: (d: number, k: number) => number): number[] {
  let best: number[] = [], bestMax = Infinity;
  const search = (d: number, left: number, acc: number[], worst: number) => {
    if (worst >= bestMax) return;
    if (d === n - 1) {
      const w = Math.max(worst, cost(d, left));
      if (w < bestMax && left >= 1) [best, bestMax] = [[...acc, left], w];
      return;
    }
    for (let k = 1; k <= left - (n - d - 1); k++) {
      search(d + 1, left - k, [...acc, k], Math.max(worst, cost(d, k)));
    }
  };
  // Exhaustive but tiny: n devices over L layers; for large n*L fall back to even counts.
  if (n <= 4 && L <= 128) search(0, L, [], 0);
  if (!best.length) {
    best = Array.from({ length: n }, (_, d) => Math.floor(L / n) + (d < L % n ? 1 : 0));
  }
  return best;
}

/** "GPU device gpu1 holding layers 2-4, the final norm and lm_head was lost; ..." */
export function lostDeviceMessage(device: string, p?: DevicePlacement): string {
  const what = p
    ? ` holding layers ${p.first}-${p.end - 1}${p.embed ? ", the embedding" : ""}` +
      `${p.head ? ", the final norm and lm_head" : ""}`
    : "";
  return `GPU device ${device}${what} was lost; the engine's buffers on every device were freed`;
}
