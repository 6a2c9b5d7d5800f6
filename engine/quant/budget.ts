// The budgeted mix "q4kb": one format per weight tensor, chosen to minimize
// the model's measured output KL under a bits-per-weight budget counted on
// the bytes the device actually stores. This file is the host side: the menu
// of formats per row width, their exact stored bytes, the quantize-dequantize
// round trip used to measure each choice, and the greedy allocation. The
// measurement (a forward pass per tensor and choice) is engine/budget_plan.ts.
//
// Menu: rows that are a multiple of 256 take the K formats (q4k, q5k, q6k)
// and q8; other rows the block-32 formats (q4, q4_1, q5_1, q8; q4 with blocks
// of 16, and of 64 where that stores fewer bytes than 32), as llama.cpp falls back for such
// rows, so that nothing is padded to a super-block. q4 / q8 here search their
// scales (search_quant.ts); every quantizer takes the importance vector.

import { UsageError } from "../errors.ts";
import { dequantizeRows, quantLayout, rowBytes } from "./format.ts";
import { blockLayout, dequantizeBlockRows, padBlocks } from "./block_matrix.ts";
import { quantizeKRows } from "./kquant.ts";
import { quantizeBlock32Rows, quantizeRowsSearched } from "./search_quant.ts";
import type { CreatableFormat } from "./matrix.ts";

/** One tensor's format under the budgeted mix. */
export interface BudgetChoice {
  format: Exclude<CreatableFormat, "f32">;
  /** q8 / q4 block size. */
  block?: number;
}

/** "q4k", "q4/64", ...: a choice's short name (plans, reports). */
export function choiceName(c: BudgetChoice): string {
  return c.block === undefined ? c.format : `${c.format}/${c.block}`;
}

/** The choice a name stands for; throws on unknown names (a stored plan is checked with it). */
export function parseChoice(name: string): BudgetChoice {
  const [format, block] = name.split("/");
  const c: BudgetChoice = block === undefined
    ? { format: format as BudgetChoice["format"] }
    : { format: format as BudgetChoice["format"], block: Number(block) };
  const known = ["q4k", "q5k", "q6k", "q4_1", "q5_1", "q8", "q4"];
  const blockOk = c.format === "q8" || c.format === "q4"
    ? [16, 32, 64, 128].includes(c.block ?? NaN)
    : c.block === undefined;
  if (!known.includes(c.format) || !blockOk) {
    throw new UsageError(`budget plan: unknown format choice "${name}"`);
  }
  return c;
}

/** The formats the mix may give a matrix with rows of `cols` values. */
export function budgetMenu(cols: number): BudgetChoice[] {
  if (cols % 256 === 0) {
    return [{ format: "q4k" }, { format: "q5k" }, { format: "q6k" }, { format: "q8", block: 32 }];
  }
  const menu: BudgetChoice[] = [
    { format: "q4", block: 32 },
    { format: "q4", block: 16 },
    { format: "q4_1" },
    { format: "q5_1" },
    { format: "q8", block: 32 },
  ];
  // Blocks of 64 save bytes only where they do not pad more than blocks of 32.
  if (storedRowBytes({ format: "q4", block: 64 }, cols) < storedRowBytes(menu[0], cols)) {
    menu.unshift({ format: "q4", block: 64 });
  }
  return menu;
}

/** Bytes one row of `cols` values holds on the device in this choice (padding included). */
export function storedRowBytes(c: BudgetChoice, cols: number): number {
  if (c.format === "q8" || c.format === "q4") return rowBytes(quantLayout(c.format, cols, c.block));
  return blockLayout(c.format, cols).wordsPerRow * 4;
}

/**
 * The f32 values rows of `data` ([rows, cols]) stand for after quantizing
 * them in this choice, as the device matrix would hold them.
 */
export function roundTrip(
  c: BudgetChoice,
  data: Float32Array,
  cols: number,
  importance?: Float32Array | null,
): Float32Array {
  if (c.format === "q8" || c.format === "q4") {
    const l = quantLayout(c.format, cols, c.block);
    return dequantizeRows(quantizeRowsSearched(data, l, importance), l);
  }
  const l = blockLayout(c.format, cols);
  const bytes = c.format === "q4_1" || c.format === "q5_1"
    ? quantizeBlock32Rows(c.format, data, cols, importance)
    : quantizeKRows(c.format, data, cols, importance);
  return dequantizeBlockRows(l, padBlocks(l, bytes));
}

/** One tensor's options for the allocation: each choice's stored bytes and measured KL. */
export interface BudgetTensor {
  name: string;
  /** Weights in the tensor. */
  params: number;
  options: { choice: BudgetChoice; bytes: number; kl: number }[];
}

export interface Allocation {
  /** Tensor name -> its choice. */
  plan: Map<string, BudgetChoice>;
  /** Bits per weight stored, over all tensors. */
  bits: number;
  /** Sum of the chosen options' KL (the additive prediction of the model's KL). */
  predictedKl: number;
  /** The budget could not be met even with every tensor at its smallest choice. */
  overBudget: boolean;
}

/**
 * Greedy allocation: every tensor starts at its smallest choice (least KL
 * among equal sizes); then, while bytes remain under `bitsPerWeight`, the
 * upgrade with the most KL saved per extra byte that still fits is taken.
 * KL is assumed additive over tensors (each option's KL was measured with
 * only that tensor quantized).
 */
export function allocate(tensors: readonly BudgetTensor[], bitsPerWeight: number): Allocation {
  const params = tensors.reduce((n, t) => n + t.params, 0);
  if (params === 0) throw new UsageError("budget allocation: no tensors");
  const budget = bitsPerWeight * params / 8;
  const current = tensors.map((t) => {
    if (t.options.length === 0) throw new UsageError(`budget allocation: ${t.name} has no options`);
    let best = 0;
    t.options.forEach((o, i) => {
      const b = t.options[best];
      if (o.bytes < b.bytes || (o.bytes === b.bytes && o.kl < b.kl)) best = i;
    });
    return best;
  });
  let used = tensors.reduce((n, t, i) => n + t.options[current[i]].bytes, 0);
  const overBudget = used > budget;
  for (;;) {
    // The upgrade with the most KL saved per extra byte that fits.
    let bestT = -1, bestO = -1, bestGain = 0;
    for (let ti = 0; ti < tensors.length; ti++) {
      const options = tensors[ti].options, cur = options[current[ti]];
      for (let oi = 0; oi < options.length; oi++) {
        const extra = options[oi].bytes - cur.bytes, saved = cur.kl - options[oi].kl;
        if (extra <= 0 || saved <= 0 || used + extra > budget) continue;
        if (saved / extra > bestGain) [bestT, bestO, bestGain] = [ti, oi, saved / extra];
      }
    }
    if (bestT < 0) break;
    used += tensors[bestT].options[bestO].bytes - tensors[bestT].options[current[bestT]].bytes;
    current[bestT] = bestO;
  }
  const plan = new Map<string, BudgetChoice>();
  let predictedKl = 0;
  tensors.forEach((t, i) => {
    plan.set(t.name, t.options[current[i]].choice);
    predictedKl += t.options[current[i]].kl;
  });
  return { plan, bits: used * 8 / params, predictedKl, overBudget };
}
