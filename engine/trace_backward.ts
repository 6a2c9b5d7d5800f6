// The engine's side of gradients in engine.trace (engine/trace_grad.ts): which
// names have a gradient, what the pass keeps, and the backward after the pass
// (engine/backward.ts backwardFrom on the kept residual stream, the same
// kernels as gradientsOf, so the results are the same bits).
//
// Names with a gradient: model.embed_tokens, model.layers.N, its .self_attn,
// .mlp and .input (the previous residual's gradient), and attached values
// whose DerivedModule has `gradient` (an SAE's features, sae/attach.ts).
// The norms' and lm_head's outputs have none here (the backward plan does not
// produce them).

import type { Gpu } from "./gpu/gpu.ts";
import type { Tensor } from "./ops/tensor.ts";
import type { LlamaConfig } from "./formats/config.ts";
import type { LlamaWeights } from "./model/weights.ts";
import { BackwardPlan } from "./model/backward_plan.ts";
import { LlamaModules } from "./model/modules.ts";
import { backwardFrom, checkMetrics, type Metric } from "./backward.ts";
import type { ForwardOptions, ForwardResult } from "./forward.ts";
import type { ModuleTable } from "./hooks.ts";
import { UsageError } from "./errors.ts";
import type { TraceBackwardHost, TraceBackwardOutput } from "./trace_grad.ts";

/** What a trace's backward reads of its engine. */
export interface TraceBackwardEngine {
  readonly config: LlamaConfig;
  /** The one device's weights (a UsageError for a model on several devices). */
  readonly weights: LlamaWeights;
  readonly gpu: Gpu;
  readonly modules: ModuleTable;
}

/**
 * The engine's TraceBackwardHost for a single-prompt trace of T tokens with
 * `options`; `pastLength()`: positions the KV cache held before the pass.
 */
export function traceBackwardHost(
  engine: TraceBackwardEngine,
  T: number,
  options: ForwardOptions,
  pastLength: () => number,
): TraceBackwardHost<ForwardResult> {
  const s = {
    config: engine.config,
    weights: () => engine.weights,
    gpu: engine.gpu,
    modules: engine.modules,
    T,
    userCache: options.cache ?? [],
    interventions: options.interventions instanceof Map
      ? [...options.interventions.keys()] as string[]
      : Object.keys(options.interventions ?? {}),
    pastLength,
  };
  const tree = LlamaModules.of(s.config);
  const residualNames = [tree.embed_tokens.name, ...tree.layers.map((m) => m.name)];
  const direct = new Set([
    tree.embed_tokens.name,
    ...tree.layers.flatMap((m) => [m.self_attn.name, m.mlp.name, m.name]),
  ]);
  // model.layers.N.input is the residual entering the block: the previous boundary.
  const alias = new Map(tree.layers.map((m, l) => [m.input.name, residualNames[l]]));
  const gradientOf = (name: string): string | null =>
    direct.has(name) ? name : alias.get(name) ?? null;
  const check = (name: string) => {
    const d = s.modules.derived.get(name);
    if (d) {
      if (!d.gradient) {
        throw new UsageError(`trace: ${name} (attached to ${d.parent}) defines no gradient`);
      }
      if (gradientOf(d.parent)) return;
      throw new UsageError(`trace: ${name} hangs on ${d.parent}, which has no gradient path`);
    }
    if (!tree.has(name)) {
      throw new UsageError(`trace: unknown module "${name}" for .grad`);
    }
    if (!gradientOf(name)) {
      throw new UsageError(
        `trace: ${name} has no gradient path in the backward (it gives model.embed_tokens, ` +
          `model.layers.N and its .input, .self_attn and .mlp, and attached values with a gradient)`,
      );
    }
  };
  return {
    check,
    checkMetric: (spec: Metric) => checkMetrics([spec], s.config.vocabSize, s.T, "trace"),
    keep: residualNames,
    async run(result, metrics, names, assigned) {
      const kept = residualNames.filter((n) => !s.userCache.includes(n));
      try {
        if (metrics.length === 0) return null;
        const replaced = [...assigned, ...s.interventions];
        if (replaced.length > 0) {
          throw new UsageError(
            `trace: cannot back-propagate through replaced outputs (${replaced.join(", ")}): ` +
              `the backward recomputes each layer from the kept residual stream`,
          );
        }
        const past = s.pastLength();
        if (past > 0) {
          throw new UsageError(
            `trace: the backward starts at position 0, but the KV cache held ${past} positions`,
          );
        }
        return await backward(result, metrics, names);
      } finally {
        // The residuals the user did not ask for leave the result's cache now.
        for (const n of kept) {
          result.cache.get(n)?.dispose();
          result.cache.delete(n);
        }
      }
    },
  };

  async function backward(
    result: ForwardResult,
    metrics: readonly Metric[],
    names: readonly string[],
  ): Promise<TraceBackwardOutput> {
    const plan = new BackwardPlan(s.gpu, s.config, s.weights(), s.T);
    const made: Tensor[] = [];
    try {
      const residuals = residualNames.map((n) => result.cache.get(n)!);
      let last = result.logits;
      if (last.shape[0] !== 1) {
        last = last.selectRows([s.T - 1]);
        made.push(last);
      }
      const runs = await backwardFrom(plan, residuals, last, metrics);
      for (const r of runs) made.push(...r.grads.values());
      const out = runs.map((r) => {
        const grads = new Map<string, Tensor<"f32">>();
        for (const name of names) {
          const d = s.modules.derived.get(name);
          if (d) {
            const g = d.gradient!(r.grads.get(gradientOf(d.parent)!)!);
            made.push(g);
            grads.set(name, g);
          } else {
            grads.set(name, r.grads.get(gradientOf(name)!)!);
          }
        }
        return { metric: r.metric, target: r.target, grads };
      });
      const owned = made.slice();
      made.length = 0;
      return { runs: out, dispose: () => owned.forEach((t) => t.dispose()) };
    } finally {
      for (const t of made) t.dispose();
      plan.dispose();
    }
  }
}
