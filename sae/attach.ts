// Hanging an SAE on a model module: its features (and reconstruction error)
// become cacheable values like any module output, and feature edits become
// interventions. engine/ knows nothing of SAEs; this uses Engine.attach.

import type { Engine } from "../engine/engine.ts";
import type { Intervention, InterventionContext } from "../engine/hooks.ts";
import { UsageError } from "../engine/errors.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { linear } from "../shaders/linear.ts";
import type { Sae } from "./sae.ts";
import { type FeatureEdit, planSteer, steeredFeatures, type SteerMethod } from "./steer.ts";
import { type AbortCondition, checkAbortCondition, type SteerStop } from "./conditions.ts";
import {
  contrastFeatures,
  type ContrastOptions,
  type ContrastResult,
  type FeatureText,
  searchFeatures,
  type SearchOptions,
  type SearchResult,
} from "./search.ts";
import { type ProbeTrainingResult, trainProbe, type TrainProbeOptions } from "./probe_train.ts";
import type { ProbeExample } from "./probe_data.ts";

/** Options of {@link steering}. */
export interface SteeringOptions {
  /** "cheap" (default) or "full"; see SteerMethod. */
  method?: SteerMethod;
  /** Allow edits (and conditions) on moderated features (Sae.moderated); refused otherwise. */
  includeModerated?: boolean;
  /**
   * Stop engine.generate at the first token where any of these holds (its
   * reason in GenerateStream.aborted); evaluated on the GPU in the pass, from
   * the features as encoded. forward and trace ignore them.
   */
  abortWhen?: readonly AbortCondition[];
}

/** An SAE hung on a module by {@link attachSae}: its cache names and steering. */
export interface SaeAttachment {
  /** The engine it is attached to. */
  engine: Engine;
  /** The SAE. */
  sae: Sae;
  /** The module it hangs on, e.g. "model.layers.19". */
  module: string;
  /** Cache name of the features [tokens, d_sae]: `${module}.sae.features`. */
  features: string;
  /** Cache name of the reconstruction error x - decode(encode(x)) [tokens, d_in]. */
  error: string;
  /** An intervention at the module applying these edits (see steering()). */
  steer(
    edits: readonly FeatureEdit[],
    opts?: SteeringOptions,
  ): Record<string, Intervention>;
  /** Features specific to `texts` against a background corpus (see searchFeatures). */
  search(texts: readonly FeatureText[], opts?: SearchOptions): Promise<SearchResult>;
  /** Features telling set A from set B (see contrastFeatures). */
  contrast(
    a: readonly FeatureText[],
    b: readonly FeatureText[],
    opts?: ContrastOptions,
  ): Promise<ContrastResult>;
  /** A sparse logistic probe on pooled features (or `on: "activations"`); see trainProbe. */
  trainProbe(
    examples: readonly ProbeExample[],
    opts?: TrainProbeOptions,
  ): Promise<ProbeTrainingResult>;
  /** Removes the two cache names from the engine (the SAE itself stays alive). */
  detach(): void;
}

/** Registers `${module}.sae.features` and `${module}.sae.error` on the engine. */
export function attachSae(engine: Engine, module: string, sae: Sae): SaeAttachment {
  if (!engine.baseModuleNames.includes(module)) {
    throw new Error(
      `attachSae: unknown module "${module}"; valid names: ${engine.baseModuleNames.join(", ")}`,
    );
  }
  const device = engine.deviceOf(module);
  if (sae.gpu !== device) {
    throw new UsageError(
      `attachSae: ${sae.describe} is on ${sae.gpu.name}, but ${module} lives on ${device.name}; ` +
        `load it for that module: Sae.load(src, engine, { module: "${module}" })`,
    );
  }
  const width = engine.moduleWidth(module);
  if (width !== sae.dIn) {
    throw new Error(
      `attachSae: ${sae.describe} has d_in ${sae.dIn}, but ${module} outputs ${width} values per token`,
    );
  }
  const features = `${module}.sae.features`, error = `${module}.sae.error`;
  engine.attach(features, {
    parent: module,
    width: sae.dSae,
    compute: (x) => sae.encode(x),
    // dm/df with the error term held constant: dm/dx W_dec^T (as sae/attribution.ts).
    gradient: (g) => {
      const T = g.size / sae.dIn;
      const out = Tensor.empty(sae.gpu, `${features}.grad`, [T, sae.dSae], "f32");
      try {
        const rec = new Recorder(sae.gpu, `${features}.grad`);
        linear(rec, g, sae.weights.wDec, out);
        rec.submit();
      } catch (e) {
        out.dispose();
        throw e;
      }
      return out;
    },
  });
  engine.attach(error, {
    parent: module,
    width: sae.dIn,
    compute: (x) => sae.error(x),
  });
  const site = { engine, sae, module };
  return {
    engine,
    sae,
    module,
    features,
    error,
    steer: (edits, opts) => ({ [module]: steering(sae, edits, opts) }),
    search: (texts, opts) => searchFeatures(site, texts, opts),
    contrast: (a, b, opts) => contrastFeatures(site, a, b, opts),
    trainProbe: (examples, opts) => trainProbe(site, examples, opts),
    detach: () => {
      engine.detach(features);
      engine.detach(error);
    },
  };
}

/**
 * An intervention applying feature edits the seed's way, x' = decode(f') +
 * (x - decode(f)), by default through the algebraically identical cheap form
 * x + W_dec^T (f' - f) over the edited features. Edit `positions` are absolute
 * positions in the sequence (prompt and generated tokens alike); scope
 * "generated" keeps the edit to positions whose input token engine.generate
 * produced (ctx.generatedFrom on), so forward and trace never apply it.
 * Conditions (`when`, opts.abortWhen) are evaluated on the GPU per token.
 */
export function steering(
  sae: Sae,
  edits: readonly FeatureEdit[],
  opts: SteeringOptions = {},
): Intervention {
  // Refused here, where the values enter, not at the first pass that runs it.
  planSteer(edits, [], sae.dSae, Number.MAX_SAFE_INTEGER, { scopes: true });
  const aborts = opts.abortWhen ?? [];
  if (!Array.isArray(aborts)) throw new UsageError("steering: abortWhen must be a list");
  aborts.forEach((c, i) => checkAbortCondition(c, sae.dSae, `steering: abortWhen ${i}`));
  sae.checkModerated("steering", steeredFeatures(edits, aborts), opts.includeModerated);
  if (opts.method !== undefined && opts.method !== "cheap" && opts.method !== "full") {
    throw new UsageError(`steering: method must be "cheap" or "full", got ${opts.method}`);
  }
  const { method, includeModerated } = opts;
  return (x, ctx: InterventionContext) => {
    const n = x.shape[0], start = ctx.positionStart;
    // Row of x where generated positions begin (n: none in this pass).
    const firstGenerated = ctx.generatedFrom === undefined
      ? n
      : Math.min(n, Math.max(0, ctx.generatedFrom - start));
    const local = edits.flatMap((e) => {
      const { scope, ...edit } = e;
      let rows = e.positions
        ? e.positions.filter((p) => p >= start && p < start + n).map((p) => p - start)
        : null;
      if (scope === "generated") {
        rows = rows
          ? rows.filter((r) => r >= firstGenerated)
          : Array.from({ length: n - firstGenerated }, (_, i) => firstGenerated + i);
        // Every row generated (each step after the prompt): no position list.
        if (!e.positions && firstGenerated === 0) rows = null;
      }
      if (rows && rows.length === 0) return [];
      return [rows ? { ...edit, positions: rows } : edit];
    });
    let stop: SteerStop | undefined;
    if (aborts.length && ctx.stop) {
      const signal = ctx.stop;
      const conditions = aborts.map((c) => ({
        feature: c.feature,
        above: c.above,
        below: c.below,
        code: signal.code(c.reason),
        fromRow: c.scope === "generated" ? firstGenerated : 0,
      })).filter((c) => c.fromRow < n);
      if (conditions.length) {
        stop = { flag: signal.flag(x.gpu), positionStart: start, conditions };
      }
    }
    // Steering rewrites the live activation in place: nothing to copy back.
    sae.steer(x, local, { method, includeModerated, stop });
    return x;
  };
}
