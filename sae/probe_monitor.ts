// A probe as a monitor: registered on the engine as a derived module (as an
// SAE's features are, sae/attach.ts) named `${module}.probe.${name}`, of
// width 1, so that `cache: [monitor.name]` in forward, trace or generate
// yields the probe's probability for every token, computed inside the pass on
// the GPU (shaders/probe_predict.ts). Each token is scored alone: the probe
// was trained on texts pooled by max or mean, and one token is the pool of
// itself under either.

import type { Engine } from "../engine/engine.ts";
import { UsageError } from "../engine/errors.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { probePredict } from "../shaders/probe_predict.ts";
import type { Probe } from "./probe.ts";
import type { Sae } from "./sae.ts";

/** Options of {@link attachProbe}. */
export interface AttachProbeOptions {
  /** The SAE whose features the probe reads (required for a probe on features). */
  sae?: Sae;
  /** Allow a probe that uses moderated features of the SAE. */
  includeModerated?: boolean;
}

/** A probe attached to an engine by {@link attachProbe}. */
export interface ProbeMonitor {
  /** The probe. */
  readonly probe: Probe;
  /** Cache name of its probabilities [tokens, 1]: `${module}.probe.${probe.name}`. */
  readonly name: string;
  /** Removes the cache name from the engine and frees the probe's GPU copy. */
  detach(): void;
}

/**
 * Registers `probe.cacheName` on the engine: cache it in forward, trace or
 * generate to get the probe's probability per token ([tokens, 1]).
 */
export function attachProbe(
  engine: Engine,
  probe: Probe,
  opts: AttachProbeOptions = {},
): ProbeMonitor {
  const module = probe.module;
  if (!engine.baseModuleNames.includes(module)) {
    throw new UsageError(
      `attachProbe: the probe reads "${module}", which this model does not have; ` +
        `valid names: ${engine.baseModuleNames.join(", ")}`,
    );
  }
  const gpu = engine.deviceOf(module);
  const sae = probe.on === "features" ? opts.sae : undefined;
  if (probe.on === "features") {
    if (!sae) {
      throw new UsageError(
        `attachProbe: probe "${probe.name}" reads SAE features (${probe.sae?.id}); pass { sae }`,
      );
    }
    if (sae.dSae !== probe.width) {
      throw new UsageError(
        `attachProbe: probe "${probe.name}" was trained on ${probe.width} features, ` +
          `${sae.describe} has ${sae.dSae}`,
      );
    }
    if (sae.gpu !== gpu) {
      throw new UsageError(`attachProbe: ${sae.describe} is not on the device of ${module}`);
    }
    sae.checkModerated(
      `attachProbe ${probe.name}`,
      probe.terms.map((t) => t.index),
      opts.includeModerated,
    );
  } else if (engine.moduleWidth(module) !== probe.width) {
    throw new UsageError(
      `attachProbe: probe "${probe.name}" reads ${probe.width} values per token, ` +
        `${module} outputs ${engine.moduleWidth(module)}`,
    );
  }
  const name = probe.cacheName;
  const weights = Tensor.from(
    gpu,
    `${name}.weights`,
    probe.denseWeights(),
    [probe.width + 1],
    "f32",
  );
  const scale = Tensor.from(
    gpu,
    `${name}.standardization`,
    probe.denseStandardization(),
    [2, probe.width],
    "f32",
  );
  try {
    engine.attach(name, {
      parent: module,
      width: 1,
      compute: (x, ctx) => {
        const v = sae ? sae.encode(x) : x;
        const out = Tensor.result(gpu, name, [x.shape[0], 1]);
        probePredict(ctx.rec, v, weights, scale, out);
        return out;
      },
    });
  } catch (e) {
    weights.dispose();
    scale.dispose();
    throw e;
  }
  return {
    probe,
    name,
    detach: () => {
      engine.detach(name);
      weights.dispose();
      scale.dispose();
    },
  };
}
