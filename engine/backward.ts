// Gradients of m = log p(target | prompt) at the last prompt position with
// respect to every module output that the residual stream is made of:
// model.embed_tokens, and per layer self_attn, mlp and the layer's output,
// [T, hidden] each. One forward pass keeps the residual stream at every layer
// boundary (the engine's module cache), then engine/model/backward_plan.ts
// records the backward pass in one submission on the model's device.

import type { Engine } from "./engine.ts";
import { Recorder } from "./gpu/recorder.ts";
import { Tensor } from "./ops/tensor.ts";
import { UsageError } from "./errors.ts";
import { type BackwardBytes, BackwardPlan } from "./model/backward_plan.ts";

/** Options of `gradients`. */
export interface GradientOptions {
  /** The metric's token id; default the greedy next token (argmax of the last logits). */
  target?: number;
  /**
   * More module outputs (or attached values such as `NAME.sae.features`) to
   * cache from the same forward pass; they come back in `cache`.
   */
  cache?: readonly string[];
  /**
   * Scale model.embed_tokens' output by this factor before the layers see it
   * (integrated gradients' path, engine/backward_ig.ts); the gradients are then
   * at the scaled point. Default 1.
   */
  embeddingScale?: number;
}

/** What `gradients` returns; `dispose()` it when done. */
export interface GradientResult {
  /** m = log p(target | prompt) at the last position, as computed on the device. */
  metric: number;
  /** The token id whose log-probability m is. */
  target: number;
  /** Module name -> dm/d(module output) [T, hidden], on the model's device. */
  grads: Map<string, Tensor<"f32">>;
  /** The outputs asked for with `options.cache`, [T, width] each. */
  cache: Map<string, Tensor<"f32">>;
  /** What the pass held (ARCHITECTURE.md, "Gradients"). */
  bytes: BackwardBytes;
  /** Frees the gradient and cached tensors. */
  dispose(): void;
}

/** Index of the largest value (the first on a tie), as greedy decoding picks. */
function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * dm/d(output) of model.embed_tokens and of every model.layers.N, its
 * self_attn and its mlp, for m = log p(target | tokens) at the last position.
 * The model must sit on one device with f32, q8 or q4 weights.
 */
export async function gradients(
  engine: Engine,
  tokens: ArrayLike<number>,
  options: GradientOptions = {},
): Promise<GradientResult> {
  const c = engine.config, T = tokens.length;
  const weights = engine.weights; // a UsageError when the model spans several devices
  const gpu = engine.gpu;
  if (options.target !== undefined) {
    const y = options.target;
    if (!Number.isInteger(y) || y < 0 || y >= c.vocabSize) {
      throw new UsageError(`gradients: target ${y} is not a token id in [0, ${c.vocabSize})`);
    }
  }
  const plan = new BackwardPlan(gpu, c, weights, T);
  const residualNames = [
    plan.modules.embed_tokens.name,
    ...plan.modules.layers.map((m) => m.name),
  ];
  const made: Tensor[] = [];
  try {
    const extra = (options.cache ?? []).filter((n) => !residualNames.includes(n));
    const scale = options.embeddingScale ?? 1;
    if (!Number.isFinite(scale)) {
      throw new UsageError(`gradients: embeddingScale must be finite, got ${scale}`);
    }
    const embed = plan.modules.embed_tokens.name;
    const fwd = await engine.forward(tokens, {
      cache: [...residualNames, ...extra],
      // The cache holds what flowed on, so the kept embedding is the scaled one.
      ...(scale !== 1 ? { interventions: { [embed]: (x: Tensor<"f32">) => x.scale(scale) } } : {}),
    });
    // With outputs asked for, the forward's result lives as long as the gradients.
    const keep = (options.cache?.length ?? 0) > 0;
    let kept = false;
    try {
      const target = options.target ?? argmax(await fwd.logits.toArray());
      const grads = new Map<string, Tensor<"f32">>();
      for (const name of plan.gradientNames) {
        const g = Tensor.empty(gpu, `grad.${name}`, [T, c.hiddenSize], "f32");
        made.push(g);
        grads.set(name, g);
      }
      const metric = Tensor.empty(gpu, "gradients.metric", [1], "f32");
      let m: number;
      try {
        const rec = new Recorder(gpu, "gradients");
        try {
          const residuals = residualNames.map((n) => fwd.cache.get(n)!);
          plan.record(rec, { residuals, lastLogits: fwd.logits, target }, grads, metric);
        } catch (e) {
          rec.abandon(); // nothing half-recorded is submitted
          throw e;
        }
        rec.submit();
        m = (await metric.toArray())[0];
      } finally {
        metric.dispose();
      }
      const cache = new Map<string, Tensor<"f32">>();
      for (const name of options.cache ?? []) cache.set(name, fwd.cache.get(name)!);
      kept = keep;
      return {
        metric: m,
        target,
        grads,
        cache,
        bytes: plan.bytes,
        dispose: () => {
          for (const g of grads.values()) g.dispose();
          if (keep) fwd.dispose();
        },
      };
    } finally {
      if (!kept) fwd.dispose();
    }
  } catch (e) {
    for (const t of made) t.dispose();
    throw e;
  } finally {
    plan.dispose();
  }
}
