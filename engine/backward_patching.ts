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
import type { ForwardOptions } from "./forward.ts";
import { UsageError } from "./errors.ts";
import { type GradientOptions, type GradientResult, gradients } from "./backward.ts";
import { LlamaModules } from "./model/modules.ts";
import { logProbF64 } from "./model/backward_reference.ts";

/** What `attributionPatching` returns. */
export interface AttributionPatching {
  /** m on the clean prompt. */
  metric: number;
  /** The token id whose log-probability m is. */
  target: number;
  /** Module name -> [T] the estimated change of m when its output at t comes from the corrupted run. */
  estimates: Map<string, Float64Array>;
  /** With `verify: k`: the k largest estimates against real patched forwards, largest first. */
  checks: PatchCheck[];
}

/** One (module, position) patched for real: the estimate and the change of m it caused. */
export interface PatchCheck {
  /** The module patched. */
  module: string;
  /** The position patched. */
  position: number;
  /** The attribution-patching estimate. */
  estimate: number;
  /** m(clean run with this output at this position from the corrupted run) - m(clean run). */
  actual: number;
}

/** Options of `attributionPatching`. */
export interface PatchingOptions extends Omit<GradientOptions, "cache"> {
  /** Check the k largest |estimates| by real patched forwards, one forward each (default 0). */
  verify?: number;
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
  options: PatchingOptions = {},
): Promise<AttributionPatching> {
  checkLengths(clean.length, corrupt.length);
  const verify = options.verify ?? 0;
  if (!Number.isInteger(verify) || verify < 0) {
    throw new UsageError(`attributionPatching: verify must be a count of checks, got ${verify}`);
  }
  const r = await gradients(engine, clean, {
    target: options.target,
    cache: patchedModules(engine),
  });
  let estimates: Map<string, Float64Array>;
  try {
    estimates = await patchingEstimates(engine, r, corrupt);
  } finally {
    r.dispose();
  }
  const checks = verify > 0
    ? await verifyPatches(engine, clean, corrupt, r.target, topEntries(estimates, verify))
    : [];
  return { metric: r.metric, target: r.target, estimates, checks };
}

/** The k entries of largest |estimate| over every module and position, largest first. */
function topEntries(estimates: Map<string, Float64Array>, k: number) {
  const all: { module: string; position: number; estimate: number }[] = [];
  for (const [module, e] of estimates) {
    e.forEach((estimate, position) => all.push({ module, position, estimate }));
  }
  return all.sort((a, b) => Math.abs(b.estimate) - Math.abs(a.estimate)).slice(0, k);
}

/** Real patched forwards: each entry's module output at its position taken from the corrupted run. */
async function verifyPatches(
  engine: Engine,
  clean: ArrayLike<number>,
  corrupt: ArrayLike<number>,
  target: number,
  entries: { module: string; position: number; estimate: number }[],
): Promise<PatchCheck[]> {
  // m from f32 logits in f64, cancellation-free like the kernel's.
  const metricOf = async (options: ForwardOptions) => {
    const f = await engine.forward(clean, options);
    try {
      return logProbF64(await f.logits.toArray(), target);
    } finally {
      f.dispose();
    }
  };
  const base = await metricOf({});
  const modules = [...new Set(entries.map((e) => e.module))];
  const corrupted = await engine.forward(corrupt, { cache: modules });
  try {
    const checks: PatchCheck[] = [];
    for (const e of entries) {
      const row = corrupted.cache.get(e.module)!.rows(e.position, 1);
      const patched = await metricOf({
        interventions: { [e.module]: (x) => x.withRows(e.position, row) },
      });
      checks.push({ ...e, actual: patched - base });
    }
    return checks;
  } finally {
    corrupted.dispose();
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
