// Hanging an SAE on a model module: its features (and reconstruction error)
// become cacheable values like any module output, and feature edits become
// interventions. engine/ knows nothing of SAEs; this uses Engine.attach.

import type { Engine } from "../engine/engine.ts";
import type { Intervention } from "../engine/hooks.ts";
import { UsageError } from "../engine/errors.ts";
import type { Sae } from "./sae.ts";
import { type FeatureEdit, planEdits, type SteerMethod } from "./steer.ts";
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
  /** Allow edits of moderated features (Sae.moderated); refused otherwise. */
  includeModerated?: boolean;
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
 * positions in the sequence (prompt and generated tokens alike).
 */
export function steering(
  sae: Sae,
  edits: readonly FeatureEdit[],
  opts: SteeringOptions = {},
): Intervention {
  // Refused here, where the values enter, not at the first pass that runs it.
  planEdits(edits, sae.dSae, Number.MAX_SAFE_INTEGER);
  sae.checkModerated("steering", edits.map((e) => e.feature), opts.includeModerated);
  if (opts.method !== undefined && opts.method !== "cheap" && opts.method !== "full") {
    throw new UsageError(`steering: method must be "cheap" or "full", got ${opts.method}`);
  }
  return (x, ctx) => {
    const n = x.shape[0], start = ctx.positionStart;
    const local = edits.flatMap((e) => {
      if (!e.positions) return [e];
      const rows = e.positions.filter((p) => p >= start && p < start + n).map((p) => p - start);
      return rows.length ? [{ ...e, positions: rows }] : [];
    });
    // Steering rewrites the live activation in place: nothing to copy back.
    sae.steer(x, local, opts);
    return x;
  };
}
