// An SAE's weights on their way onto the GPU and back: loaded from Goodfire's
// or SAELens' files (the file is closed whether or not the upload succeeds, and
// uploadSae frees what it made if it fails), checked when given already on the
// GPU, read back to the host, and freed. The Sae class delegates to these.

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Engine } from "../engine/engine.ts";
import { FormatError } from "../engine/errors.ts";
import { openSource } from "../engine/formats/source.ts";
import type { FileSource } from "../engine/platform/bytes.ts";
import { abortableSource } from "../engine/platform/files.ts";
import { readWeightMatrix } from "../engine/quant/matrix.ts";
import type { SaeGpuWeights } from "../shaders/sae_encode.ts";
import { openSaeSpec, type SaeActivation, splitSaeSource } from "./format.ts";
import type { SaeHostWeights } from "./reference.ts";
import { uploadSae } from "./upload.ts";
import { saeDevice } from "./blocks.ts";
import type { SaeInfo, SaeLoadOptions } from "./types.ts";

/** What an Sae is built from: its device, label, description and weights. */
export interface SaeParts {
  gpu: Gpu;
  label: string;
  info: SaeInfo;
  weights: SaeGpuWeights;
}

/**
 * Which SAE a FileSource given as is holds: a SAELens folder when it has
 * cfg.json, else the one .pth/.pt/.safetensors it lists. Anything else is
 * refused naming what was expected and what is there.
 */
async function saeInFiles(files: FileSource): Promise<string | null> {
  if (await files.has("cfg.json")) return null;
  const names = files.names ?? [];
  const weights = names.filter((n) => /\.(pth|pt|safetensors)$/.test(n));
  if (weights.length === 1) return weights[0];
  const listed = names.length
    ? `; it holds ${names.slice(0, 12).join(", ")}${names.length > 12 ? ", …" : ""}`
    : "";
  throw new FormatError(
    files.describe,
    weights.length > 1
      ? `several SAE weight files (${weights.join(", ")}): give the folder of one SAE`
      : `no SAE: expected a SAELens folder (cfg.json + sae_weights.safetensors) or one ` +
        `.pth / .safetensors file${listed}`,
  );
}

/** Opens `source` and uploads its weights to `device` (or the engine's device of opts.module). */
export async function loadSaeParts(
  source: string | FileSource,
  device: Gpu | Engine,
  opts: SaeLoadOptions,
): Promise<SaeParts> {
  const gpu = "device" in device ? device : saeDevice(device, opts.module);
  let spec;
  if (typeof source === "string") {
    const { folder, prefix, file } = splitSaeSource(source);
    spec = await openSaeSpec(await openSource(folder, opts.source), prefix, file);
  } else {
    const signal = opts.source?.signal;
    signal?.throwIfAborted();
    const files = signal ? abortableSource(source, signal) : source;
    spec = await openSaeSpec(files, "", await saeInFiles(files));
  }
  try {
    const label = opts.label ?? "sae";
    return { gpu, label, info: spec, weights: await uploadSae(gpu, spec, label, opts.quant) };
  } finally {
    spec.file.close();
  }
}

/** Checks weights already on the GPU (W_enc and W_dec [d_sae, d_in]) and describes them. */
export function syntheticParts(
  gpu: Gpu,
  weights: SaeGpuWeights,
  opts: { activation?: SaeActivation; label?: string },
): SaeParts {
  const { rows: dSae, cols: dIn } = weights.wEnc;
  const act = opts.activation ?? { kind: "relu" };
  if (
    weights.wDec.rows !== dSae || weights.wDec.cols !== dIn || weights.bEnc.size !== dSae ||
    weights.bDec.size !== dIn || (act.kind === "jumprelu") !== !!weights.threshold
  ) {
    throw new Error(`Sae.fromWeights: weights do not fit W_enc [${dSae}, ${dIn}]`);
  }
  const label = opts.label ?? "sae";
  const info: SaeInfo = {
    format: "synthetic",
    describe: `${label} (d_in ${dIn}, d_sae ${dSae}, ${weights.wEnc.format})`,
    dIn,
    dSae,
    activation: act,
    applyBDecToInput: weights.center,
    config: null,
  };
  return { gpu, label, info, weights };
}

/** Every weight back on the CPU, in the GPU layout; quantized matrices as f32 values. */
export async function readSaeWeights(w: SaeGpuWeights): Promise<SaeHostWeights> {
  return {
    wEnc: await readWeightMatrix(w.wEnc),
    wDec: await readWeightMatrix(w.wDec),
    bEnc: await w.bEnc.toArray(),
    bDec: await w.bDec.toArray(),
    threshold: w.threshold ? await w.threshold.toArray() : null,
  };
}

/** Frees every GPU buffer of `w`. */
export function disposeSaeWeights(w: SaeGpuWeights): void {
  w.wEnc.dispose();
  w.wDec.dispose();
  w.bEnc.dispose();
  w.bDec.dispose();
  w.threshold?.dispose();
}
