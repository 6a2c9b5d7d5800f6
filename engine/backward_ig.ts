// Integrated gradients over the embedding (Sundararajan et al.), zero
// baseline, Riemann midpoints: with x = model.embed_tokens' output [T, hidden]
// and alpha_k = (k + 1/2) / steps,
//
//   IG = x * (1 / steps) sum_k dm/dx (alpha_k x)
//
// one forward and one backward per step (gradients(..., { embeddingScale })).
// Completeness (sum IG = m(x) - m(0)) is reported, not assumed: on the fixture
// models a 32-step sum misses it badly, because every RMSNorm sees inputs near
// 0 close to the baseline (tests/fixtures/README.md).

import type { Engine } from "./engine.ts";
import { UsageError } from "./errors.ts";
import { gradients } from "./backward.ts";
import { LlamaModules } from "./model/modules.ts";
import { logProbF64 } from "./model/backward_reference.ts";

/** One point of the path alpha x. */
export interface PathPoint {
  /** The point alpha x of the path from the zero baseline (alpha 0) to the input (1). */
  alpha: number;
  /** m at alpha x. */
  metric: number;
  /** dm(alpha x)/dalpha = sum over t, d of x * dm/dx(alpha x): the completeness integrand. */
  dmDalpha: number;
}

/** Options of `integratedGradients`. */
export interface IntegratedGradientsOptions {
  /** The metric's token id; default the greedy next token of the input. */
  target?: number;
  /** Riemann midpoints (k + 1/2) / steps, k = 0..steps-1 (default 32); one backward each. */
  steps?: number;
  /** Explicit path points in [0, 1] instead of the midpoints; IG is x times their mean gradient. */
  alphas?: readonly number[];
}

/** What `integratedGradients` returns. */
export interface IntegratedGradients {
  /** The token id whose log-probability m is (default the greedy next token of the input). */
  target: number;
  /** m at the input x. */
  metric: number;
  /** m at the baseline (a zero embedding). */
  baseline: number;
  /** [T * hidden] row-major [T, hidden]: x * the mean gradient along the path. */
  attribution: Float64Array;
  /** [T] the attribution summed over hidden, per position. */
  perPosition: Float64Array;
  /** The path points, in order. */
  path: PathPoint[];
  /** sum(attribution) - (metric - baseline): 0 for an exact integral. */
  completenessGap: number;
}

/** Integrated gradients of m = log p(target | tokens) at the last position over the embedding. */
export async function integratedGradients(
  engine: Engine,
  tokens: ArrayLike<number>,
  options: IntegratedGradientsOptions = {},
): Promise<IntegratedGradients> {
  const steps = options.steps ?? 32;
  if (!Number.isInteger(steps) || steps < 1) {
    throw new UsageError(`integratedGradients: steps must be a positive integer, got ${steps}`);
  }
  const alphas = options.alphas ?? Array.from({ length: steps }, (_, k) => (k + 0.5) / steps);
  if (alphas.length === 0 || alphas.some((a) => !(a >= 0 && a <= 1))) {
    throw new UsageError(`integratedGradients: alphas must be a non-empty list in [0, 1]`);
  }
  const embed = LlamaModules.of(engine.config).embed_tokens.name;
  const input = await engine.forward(tokens, { cache: [embed] });
  let x: Float32Array, logits: Float32Array;
  try {
    x = await input.cache.get(embed)!.toArray();
    logits = await input.logits.toArray();
  } finally {
    input.dispose();
  }
  let target = options.target;
  if (target === undefined) {
    target = 0;
    for (let i = 1; i < logits.length; i++) if (logits[i] > logits[target]) target = i;
  }
  const metric = logProbF64(logits, target);
  const zero = await engine.forward(tokens, {
    interventions: { [embed]: (e) => e.scale(0) },
  });
  let baseline: number;
  try {
    baseline = logProbF64(await zero.logits.toArray(), target);
  } finally {
    zero.dispose();
  }
  const sum = new Float64Array(x.length);
  const path: PathPoint[] = [];
  for (const alpha of alphas) {
    const r = await gradients(engine, tokens, { target, embeddingScale: alpha });
    try {
      const g = await r.grads.get(embed)!.toArray();
      let dmDalpha = 0;
      for (let i = 0; i < g.length; i++) {
        sum[i] += g[i];
        dmDalpha += g[i] * x[i];
      }
      path.push({ alpha, metric: r.metric, dmDalpha });
    } finally {
      r.dispose();
    }
  }
  const h = engine.config.hiddenSize, T = tokens.length;
  const attribution = sum.map((s, i) => x[i] * s / alphas.length);
  const perPosition = new Float64Array(T);
  for (let i = 0; i < attribution.length; i++) perPosition[Math.floor(i / h)] += attribution[i];
  const total = perPosition.reduce((a, b) => a + b, 0);
  return {
    target,
    metric,
    baseline,
    attribution,
    perPosition,
    path,
    completenessGap: total - (metric - baseline),
  };
}
