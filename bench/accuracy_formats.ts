// The user-facing formats of bench/accuracy.ts, each loaded as a user would
// (Engine.load quant / embedQuant / importance): mean KL and top-1 agreement
// against the reference logits, bits per weight, KL relative to q4, and on a
// model with an SAE the feature-level figures of bench/fidelity.ts.

import { Engine, type LoadOptions } from "../engine/engine.ts";
import type { Gpu } from "../engine/gpu/gpu.ts";
import { expectedTensors, type LlamaWeights } from "../engine/model/weights.ts";
import { meanKl, top1Agreement } from "../engine/quant/kl.ts";
import { formatBits } from "../engine/quant/mix.ts";
import type { WeightMatrix } from "../engine/quant/matrix.ts";
import { referenceSaeRun, SAE_FIXTURES, saeFigures, type SaeRun } from "./fidelity.ts";
import type { BenchResult } from "./result.ts";

export interface FormatCase {
  label: string;
  load: LoadOptions;
}

export const FORMAT_CASES: readonly FormatCase[] = [
  { label: "f32", load: {} },
  { label: "q8", load: { quant: "q8" } },
  { label: "q4", load: { quant: "q4" } },
  { label: "q4k", load: { quant: "q4k" } },
  { label: "q6k", load: { quant: "q6k" } },
  { label: "q4km", load: { quant: "q4km" } },
  { label: "q4km+imatrix", load: { quant: "q4km", importance: "auto" } },
  // The embedding and lm_head at q4k instead of the rule's q6k: the mix within 4.9 bits.
  { label: "q4km_embed-q4k", load: { quant: "q4km", embedQuant: "q4k" } },
  {
    label: "q4km_embed-q4k+imatrix",
    load: { quant: "q4km", embedQuant: "q4k", importance: "auto" },
  },
  // The budgeted mix: per tensor the format of least measured KL within 4.9
  // stored bits per weight (engine/budget_plan.ts).
  { label: "q4kb", load: { quant: "q4kb" } },
  { label: "q4kb+imatrix", load: { quant: "q4kb", importance: "auto" } },
];

/** The matrices of a one-device model, each once (a tied head is the embedding). */
function matrices(w: LlamaWeights): WeightMatrix[] {
  const all = [w.embed, ...w.layers.flatMap((l) => [l.q, l.k, l.v, l.o, l.gate, l.up, l.down])];
  return w.lmHead === w.embed ? all : [...all, w.lmHead];
}

/**
 * Bits per weight of the weight matrices (norms excluded): `device` from the
 * bytes held (padding of partial blocks included), `nominal` from each
 * matrix's format at widths it divides (what the same mix costs at 256-multiple
 * widths, as llama.cpp counts it).
 */
export function bitsPerWeight(e: Engine): { device: number; nominal: number } {
  const ms = matrices(e.weights);
  let params = 0, bytes = 0, bits = 0;
  for (const m of ms) {
    const n = m.rows * m.cols;
    params += n;
    bytes += m.byteLength;
    const block = "layout" in m && "block" in m.layout ? m.layout.block : undefined;
    bits += n * formatBits(m.format as Parameters<typeof formatBits>[0], block);
  }
  // Every 2-D tensor of the checkpoint is counted once.
  const expected = [...expectedTensors(e.config).values()].filter((s) => s.length === 2);
  const total = expected.reduce((n, [r, c]) => n + r * c, 0);
  if (total !== params) {
    throw new Error(`bitsPerWeight: counted ${params} weights, expected ${total}`);
  }
  return { device: bytes * 8 / params, nominal: bits / params };
}

/** One result per format case for `model`. */
export async function formatResults(
  gpu: Gpu,
  fixtures: string,
  model: string,
  tokens: Uint32Array,
  want: Float32Array,
  cases: readonly FormatCase[],
): Promise<BenchResult[]> {
  const folder = `${fixtures}models/${model}`;
  const fx = SAE_FIXTURES[model];
  const ids = Array.from(tokens);
  const reference: SaeRun | null = fx
    ? await referenceSaeRun(gpu, folder, fixtures, fx, ids)
    : null;
  const results: BenchResult[] = [];
  let q4Kl: number | null = null;
  for (const c of cases) {
    const engine = await Engine.load(folder, { ...c.load, gpu });
    let figures: Record<string, number>;
    try {
      const r = await engine.forward(ids, { allLogits: true });
      const got = await r.logits.toArray();
      r.dispose();
      const vocab = engine.config.vocabSize;
      const bits = bitsPerWeight(engine);
      figures = {
        meanKl: meanKl(got, want, vocab),
        top1: top1Agreement(got, want, vocab),
        bitsPerWeight: bits.device,
        nominalBitsPerWeight: bits.nominal,
      };
    } finally {
      engine.dispose();
    }
    if (fx && reference) {
      Object.assign(figures, await saeFigures(gpu, folder, fixtures, fx, ids, c.load, reference));
    }
    if (c.label === "q4") q4Kl = figures.meanKl;
    results.push({
      name: "accuracy",
      shape: model,
      format: c.label,
      adapter: gpu.summary.description,
      figures,
      ratios: q4Kl === null ? {} : { klVsQ4: figures.meanKl / q4Kl },
    });
  }
  return results;
}
