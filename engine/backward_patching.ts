// Attribution patching (Nanda; Syed et al.): the first-order estimate of what
// patching one module output at one position from a corrupted prompt into the
// clean run does to the metric, for every module and position from one
// forward and one backward on the clean prompt and one forward on the
// corrupted one:
//
//   estimate[module][t] = sum_d dm/d act_clean[t, d] * (act_corrupt[t, d] - act_clean[t, d])
//
// m = log p(target | clean prompt) at the last position, target held fixed
// (default the clean greedy token), as in tests/fixtures' references.

import type { Engine } from "./engine.ts";
import { UsageError } from "./errors.ts";
import { type GradientOptions, type GradientResult, gradients } from "./backward.ts";
import { LlamaModules } from "./model/modules.ts";

/** What `attributionPatching` returns. */
export interface AttributionPatching {
  /** m on the clean prompt. */
  metric: number;
  /** The token id whose log-probability m is. */
  target: number;
  /** Module name -> [T] the estimated change of m when its output at t comes from the corrupted run. */
  estimates: Map<string, Float64Array>;
}

/** The modules patched: model.embed_tokens and every model.layers.N, .self_attn and .mlp. */
export function patchedModules(engine: Engine): string[] {
  const tree = LlamaModules.of(engine.config);
  return [
    tree.embed_tokens.name,
    ...tree.layers.flatMap((m) => [m.self_attn.name, m.mlp.name, m.name]),
  ];
}

/**
 * Attribution-patching estimates for model.embed_tokens and every
 * model.layers.N, .self_attn and .mlp at every position. `corrupt` must have
 * the clean prompt's length.
 */
export async function attributionPatching(
  engine: Engine,
  clean: ArrayLike<number>,
  corrupt: ArrayLike<number>,
  options: Omit<GradientOptions, "cache"> = {},
): Promise<AttributionPatching> {
  checkLengths(clean.length, corrupt.length);
  const r = await gradients(engine, clean, { ...options, cache: patchedModules(engine) });
  try {
    return {
      metric: r.metric,
      target: r.target,
      estimates: await patchingEstimates(engine, r, corrupt),
    };
  } finally {
    r.dispose();
  }
}

function checkLengths(clean: number, corrupt: number): void {
  if (corrupt !== clean) {
    throw new UsageError(
      `attributionPatching: the corrupted prompt has ${corrupt} tokens, the clean one ${clean}; ` +
        `patching pairs positions, so they must match`,
    );
  }
}

/**
 * The estimates from a clean run's gradients that cached every module of
 * patchedModules (gradients(..., { cache: patchedModules(engine) })) and one
 * forward over `corrupt`.
 */
export async function patchingEstimates(
  engine: Engine,
  clean: GradientResult,
  corrupt: ArrayLike<number>,
): Promise<Map<string, Float64Array>> {
  const modules = patchedModules(engine);
  const missing = modules.filter((m) => !clean.cache.has(m));
  if (missing.length) {
    throw new UsageError(`patchingEstimates: the clean run did not cache ${missing.join(", ")}`);
  }
  const T = clean.cache.get(modules[0])!.shape[0];
  checkLengths(T, corrupt.length);
  const corrupted = await engine.forward(corrupt, { cache: modules });
  try {
    const h = engine.config.hiddenSize;
    const estimates = new Map<string, Float64Array>();
    for (const [name, grad] of clean.grads) {
      const g = await grad.toArray();
      const x = await clean.cache.get(name)!.toArray();
      const c = await corrupted.cache.get(name)!.toArray();
      const out = new Float64Array(T);
      for (let t = 0; t < T; t++) {
        let s = 0;
        for (let d = t * h; d < (t + 1) * h; d++) s += g[d] * (c[d] - x[d]);
        out[t] = s;
      }
      estimates.set(name, out);
    }
    return estimates;
  } finally {
    corrupted.dispose();
  }
}
