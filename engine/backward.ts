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
  /** The metric's value (log p(target) or l_a - l_b at `position`), as computed on the device. */
  metric: number;
  /** The prompt position the metric reads. */
  position: number;
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
 * A scalar of one position's logits to back-propagate: the log-probability of
 * a token (default the greedy next token there), or a logit difference
 * l_a - l_b (the usual "which of two answers" metric). `position` is the
 * prompt position whose logits it reads (default the last); rows after it
 * get zero gradient.
 */
export type Metric =
  | { kind: "logProb"; target?: number; position?: number }
  | { kind: "logitDiff"; a: number; b: number; position?: number };

/** Index of the largest value (the first on a tie), as greedy decoding picks. */
function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * dm/d(output) of model.embed_tokens and of every model.layers.N, its
 * self_attn and its mlp, for m = log p(target | tokens) at the last position
 * (engine.trace's `m.logits.logProb(y, position)` reads any position).
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
export function gradientsOf(
  engine: Engine,
  tokens: ArrayLike<number>,
  metrics: readonly Metric[],
  options: Omit<GradientOptions, "target"> = {},
): Promise<GradientResult[]> {
  return gradientsThen(engine, tokens, metrics, options, (results) => Promise.resolve(results));
}

/**
 * gradientsOf, then `after(results)` in the same call of the engine's queue:
 * GPU work in `after` (Tensor ops on the results) cannot join another call's
 * pass, and no other call runs between the backward and it. If `after`
 * throws, the results are disposed; otherwise they are its to dispose.
 */
export async function gradientsThen<T>(
  engine: Engine,
  tokens: ArrayLike<number>,
  metrics: readonly Metric[],
  options: Omit<GradientOptions, "target">,
  after: (results: GradientResult[]) => Promise<T>,
): Promise<T> {
  const c = engine.config, T = tokens.length, V = c.vocabSize;
  const weights = engine.weights; // a UsageError when the model spans several devices
  const gpu = engine.gpu;
  checkMetrics(metrics, V, T);
  const scale = options.embeddingScale ?? 1;
  if (!Number.isFinite(scale)) {
    throw new UsageError(`gradients: embeddingScale must be finite, got ${scale}`);
  }
  const plan = new BackwardPlan(gpu, c, weights, T);
  const residualNames = [
    plan.modules.embed_tokens.name,
    ...plan.modules.layers.map((m) => m.name),
  ];
  try {
    const extra = (options.cache ?? []).filter((n) => !residualNames.includes(n));
    const embed = plan.modules.embed_tokens.name;
    const forward = {
      cache: [...residualNames, ...extra],
      // The cache holds what flowed on, so the kept embedding is the scaled one.
      ...(scale !== 1 ? { interventions: { [embed]: (x: Tensor<"f32">) => x.scale(scale) } } : {}),
    };
    // The backward runs with the engine's queue held: dispose() waits for it.
    return await engine.forwardThen(tokens, forward, async (fwd) => {
      // With outputs asked for, the forward's result lives until the last result is disposed.
      let alive = (options.cache?.length ?? 0) > 0 ? metrics.length : 0;
      try {
        const residuals = residualNames.map((n) => fwd.cache.get(n)!);
        const runs = await backwardFrom(plan, residuals, fwd.logits, metrics);
        const cache = new Map<string, Tensor<"f32">>();
        for (const name of options.cache ?? []) cache.set(name, fwd.cache.get(name)!);
        const results = runs.map((r): GradientResult => {
          let disposed = false;
          return {
            ...r,
            cache,
            bytes: plan.bytes,
            dispose: () => {
              if (disposed) return;
              disposed = true;
              for (const g of r.grads.values()) g.dispose();
              if (alive > 0 && --alive === 0) fwd.dispose();
            },
          };
        });
        try {
          return await after(results);
        } catch (e) {
          for (const r of results) r.dispose();
          throw e;
        }
      } catch (e) {
        alive = 0;
        throw e;
      } finally {
        if (alive === 0) fwd.dispose();
      }
    });
  } finally {
    plan.dispose();
  }
}

/** One metric's backward: its value, target, position and gradients (the caller disposes them). */
export interface MetricGradients {
  /** The metric's value. */
  metric: number;
  /** log p's token, or a logit difference's `a`. */
  target: number;
  /** The prompt position the metric reads. */
  position: number;
  /** Module name -> dm/d(module output) [T, hidden] (plan.gradientNames). */
  grads: Map<string, Tensor<"f32">>;
}

/** Throws a UsageError unless every metric is well formed for `V` token ids and `T` positions. */
export function checkMetrics(
  metrics: readonly Metric[],
  V: number,
  T: number,
  what = "gradients",
): void {
  const isId = (y: number | undefined) =>
    y === undefined || (Number.isInteger(y) && y >= 0 && y < V);
  if (metrics.length === 0) throw new UsageError(`${what}: no metric to back-propagate`);
  for (const m of metrics) {
    const ids = m.kind === "logProb" ? [m.target] : m.kind === "logitDiff" ? [m.a, m.b] : null;
    if (!ids) throw new UsageError(`${what}: unknown metric kind "${(m as Metric).kind}"`);
    const bad = ids.find((y) => !isId(y));
    if (bad !== undefined) throw new UsageError(`${what}: ${bad} is not a token id in [0, ${V})`);
    const p = m.position;
    if (p !== undefined && !(Number.isInteger(p) && p >= 0 && p < T)) {
      throw new UsageError(`${what}: metric position ${p} is outside the prompt's [0, ${T})`);
    }
  }
}

/**
 * The backward of every metric from one forward's kept residual stream
 * (`residuals`: model.embed_tokens and every model.layers.N output, [T,
 * hidden] each) and its last logits [1, vocab]: logits at other positions
 * are recomputed from the top residual (final norm + lm_head of one row).
 * One submission for all metrics; engine.trace's backward uses it too.
 */
export async function backwardFrom(
  plan: BackwardPlan,
  residuals: readonly Tensor<"f32">[],
  lastLogits: Tensor<"f32">,
  metrics: readonly Metric[],
): Promise<MetricGradients[]> {
  const gpu = plan.gpu, c = plan.config, T = plan.T, V = c.vocabSize;
  checkMetrics(metrics, V, T);
  const made: Tensor[] = [];
  try {
    // The logits row of every position a metric reads (the last one is the forward's).
    const rows = new Map<number, { tensor: Tensor<"f32">; values: Float32Array }>();
    const positions = metrics.map((m) => m.position ?? T - 1);
    const last = lastLogits.size === V ? lastLogits : null;
    if (!last) throw new Error(`backward: lastLogits [${lastLogits.shape}]; want [1, ${V}]`);
    for (const p of new Set(positions)) {
      let tensor = last;
      if (p !== T - 1) {
        tensor = Tensor.empty(gpu, `gradients.logits${p}`, [1, V], "f32");
        made.push(tensor);
        const rec = new Recorder(gpu, "gradients.logitsAt");
        try {
          plan.recordLogitsAt(rec, residuals[c.numHiddenLayers], p, tensor);
        } catch (e) {
          rec.abandon();
          throw e;
        }
        rec.submit();
      }
      rows.set(p, { tensor, values: await tensor.toArray() });
    }
    const outputs: Tensor[] = [];
    const runs = metrics.map((spec, i) => {
      const position = positions[i], row = rows.get(position)!;
      const grads = new Map<string, Tensor<"f32">>();
      for (const name of plan.gradientNames) {
        const g = Tensor.empty(gpu, `grad.${name}`, [T, c.hiddenSize], "f32");
        outputs.push(g);
        grads.set(name, g);
      }
      if (spec.kind === "logProb") {
        const metric = Tensor.empty(gpu, "gradients.metric", [1], "f32");
        made.push(metric);
        const target = spec.target ?? argmax(row.values);
        return { spec, position, row, grads, target, metric, dLogits: null };
      }
      // d(l_a - l_b)/dl: +1 at a, -1 at b (a = b gives 0: a metric constant at 0).
      const d = new Float32Array(V);
      d[spec.a] += 1;
      d[spec.b] -= 1;
      const dLogits = Tensor.from(gpu, "gradients.dLogits", d, [1, V], "f32");
      made.push(dLogits);
      return { spec, position, row, grads, target: spec.a, metric: null, dLogits };
    });
    made.push(...outputs);
    const rec = new Recorder(gpu, "gradients");
    try {
      // One submission; the plan's scratch is reused metric after metric, in order.
      for (const r of runs) {
        const base = { residuals, lastLogits: r.row.tensor, position: r.position };
        plan.record(
          rec,
          r.dLogits ? { ...base, dLogits: r.dLogits } : { ...base, target: r.target },
          r.grads,
          r.metric,
        );
      }
    } catch (e) {
      rec.abandon(); // nothing half-recorded is submitted
      throw e;
    }
    rec.submit();
    const results: MetricGradients[] = [];
    for (const r of runs) {
      const spec = r.spec as { a: number; b: number };
      const value = r.metric
        ? (await r.metric.toArray())[0]
        : r.row.values[spec.a] - r.row.values[spec.b];
      results.push({ metric: value, target: r.target, position: r.position, grads: r.grads });
    }
    // Handed out: the caller owns the gradients from here.
    for (const t of outputs) made.splice(made.indexOf(t), 1);
    return results;
  } finally {
    for (const t of made) t.dispose();
  }
}
