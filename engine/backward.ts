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

/**
 * A scalar of the last position's logits to back-propagate: the
 * log-probability of a token (default the greedy next token), or a logit
 * difference l_a - l_b (the usual "which of two answers" metric).
 */
export type Metric =
  | { kind: "logProb"; target?: number }
  | { kind: "logitDiff"; a: number; b: number };

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
  const [r] = await gradientsOf(engine, tokens, [{ kind: "logProb", target: options.target }], {
    cache: options.cache,
    embeddingScale: options.embeddingScale,
  });
  return r;
}

/**
 * The gradients of several metrics from one forward pass: one result per
 * metric, in order, each with its own gradient tensors (`target` is a logit
 * difference's `a`). Results share `cache`, which lives until the last of
 * them is disposed.
 */
export async function gradientsOf(
  engine: Engine,
  tokens: ArrayLike<number>,
  metrics: readonly Metric[],
  options: Omit<GradientOptions, "target"> = {},
): Promise<GradientResult[]> {
  const c = engine.config, T = tokens.length, V = c.vocabSize;
  const weights = engine.weights; // a UsageError when the model spans several devices
  const gpu = engine.gpu;
  const isId = (y: number | undefined) =>
    y === undefined || (Number.isInteger(y) && y >= 0 && y < V);
  if (metrics.length === 0) throw new UsageError("gradients: no metric to back-propagate");
  for (const m of metrics) {
    const ids = m.kind === "logProb" ? [m.target] : m.kind === "logitDiff" ? [m.a, m.b] : null;
    if (!ids) throw new UsageError(`gradients: unknown metric kind "${(m as Metric).kind}"`);
    const bad = ids.find((y) => !isId(y));
    if (bad !== undefined) {
      throw new UsageError(`gradients: ${bad} is not a token id in [0, ${V})`);
    }
  }
  const scale = options.embeddingScale ?? 1;
  if (!Number.isFinite(scale)) {
    throw new UsageError(`gradients: embeddingScale must be finite, got ${scale}`);
  }
  const plan = new BackwardPlan(gpu, c, weights, T);
  const residualNames = [
    plan.modules.embed_tokens.name,
    ...plan.modules.layers.map((m) => m.name),
  ];
  const made: Tensor[] = [];
  try {
    const extra = (options.cache ?? []).filter((n) => !residualNames.includes(n));
    const embed = plan.modules.embed_tokens.name;
    const fwd = await engine.forward(tokens, {
      cache: [...residualNames, ...extra],
      // The cache holds what flowed on, so the kept embedding is the scaled one.
      ...(scale !== 1 ? { interventions: { [embed]: (x: Tensor<"f32">) => x.scale(scale) } } : {}),
    });
    // With outputs asked for, the forward's result lives until the last result is disposed.
    let alive = (options.cache?.length ?? 0) > 0 ? metrics.length : 0;
    try {
      const logits = await fwd.logits.toArray();
      const residuals = residualNames.map((n) => fwd.cache.get(n)!);
      const runs = metrics.map((spec) => {
        const grads = new Map<string, Tensor<"f32">>();
        for (const name of plan.gradientNames) {
          const g = Tensor.empty(gpu, `grad.${name}`, [T, c.hiddenSize], "f32");
          made.push(g);
          grads.set(name, g);
        }
        if (spec.kind === "logProb") {
          const metric = Tensor.empty(gpu, "gradients.metric", [1], "f32");
          made.push(metric);
          return { spec, grads, target: spec.target ?? argmax(logits), metric, dLogits: null };
        }
        // d(l_a - l_b)/dl: +1 at a, -1 at b (a = b gives 0: a metric constant at 0).
        const d = new Float32Array(V);
        d[spec.a] += 1;
        d[spec.b] -= 1;
        const dLogits = Tensor.from(gpu, "gradients.dLogits", d, [1, V], "f32");
        made.push(dLogits);
        return { spec, grads, target: spec.a, metric: null, dLogits };
      });
      const rec = new Recorder(gpu, "gradients");
      try {
        // One submission; the plan's scratch is reused metric after metric, in order.
        for (const r of runs) {
          plan.record(
            rec,
            r.dLogits
              ? { residuals, lastLogits: fwd.logits, dLogits: r.dLogits }
              : { residuals, lastLogits: fwd.logits, target: r.target },
            r.grads,
            r.metric,
          );
        }
      } catch (e) {
        rec.abandon(); // nothing half-recorded is submitted
        throw e;
      }
      rec.submit();
      const cache = new Map<string, Tensor<"f32">>();
      for (const name of options.cache ?? []) cache.set(name, fwd.cache.get(name)!);
      const results: GradientResult[] = [];
      for (const r of runs) {
        const value = r.metric
          ? (await r.metric.toArray())[0]
          : logits[(r.spec as { a: number }).a] - logits[(r.spec as { b: number }).b];
        (r.metric ?? r.dLogits)!.dispose();
        let disposed = false;
        results.push({
          metric: value,
          target: r.target,
          grads: r.grads,
          cache,
          bytes: plan.bytes,
          dispose: () => {
            if (disposed) return;
            disposed = true;
            for (const g of r.grads.values()) g.dispose();
            if (alive > 0 && --alive === 0) fwd.dispose();
          },
        });
      }
      return results;
    } catch (e) {
      alive = 0;
      throw e;
    } finally {
      if (alive === 0) fwd.dispose();
    }
  } catch (e) {
    for (const t of made) t.dispose();
    throw e;
  } finally {
    plan.dispose();
  }
}
