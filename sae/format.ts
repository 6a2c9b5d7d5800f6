// Which SAE a source holds and where its tensors are: Goodfire's release
// (.pth or safetensors with nn.Linear names) or SAELens (cfg.json +
// sae_weights.safetensors). Everything here is checked before a single GPU
// buffer exists, so a bad file fails without leaving anything behind.

import { FormatError } from "../engine/errors.ts";
import type { FileSource } from "../engine/platform/bytes.ts";
import { openSafetensors } from "../engine/formats/safetensors.ts";
import { openPth } from "./pth.ts";
import { safetensorsWeights, type WeightFile, type WeightTensor } from "./weights.ts";

/** The SAE's activation: ReLU, JumpReLU (per-feature thresholds) or TopK (k per token). */
export type SaeActivation =
  | { kind: "relu" }
  | { kind: "jumprelu" }
  | { kind: "topk"; k: number };

/** The file layout an SAE was read from. */
export type SaeFormat = "goodfire-pth" | "goodfire-safetensors" | "saelens";

/** A weight as stored: `transposed` when it is [d_in, d_sae] rather than one row per feature. */
export interface StoredMatrix {
  tensor: WeightTensor;
  transposed: boolean;
}

export interface SaeSpec {
  format: SaeFormat;
  describe: string;
  dIn: number;
  dSae: number;
  activation: SaeActivation;
  applyBDecToInput: boolean;
  wEnc: StoredMatrix;
  wDec: StoredMatrix;
  bEnc: WeightTensor;
  bDec: WeightTensor;
  threshold: WeightTensor | null;
  /** SAELens' cfg.json as read, for the curious (hook_name, model_name...). */
  config: Record<string, unknown> | null;
  file: WeightFile;
}

const GOODFIRE = {
  wEnc: "encoder_linear.weight",
  bEnc: "encoder_linear.bias",
  wDec: "decoder_linear.weight",
  bDec: "decoder_linear.bias",
};

/** A JSON value with its type, so that "64" (a string) is told from 64. */
function describe(v: unknown): string {
  const type = v === null ? "null" : Array.isArray(v) ? "a list" : typeof v;
  return `${type} ${JSON.stringify(v)}`;
}

function need(file: WeightFile, name: string, why: string): WeightTensor {
  const t = file.tensors.get(name);
  if (!t) {
    throw new FormatError(
      file.describe,
      `no tensor ${name} (${why}); it holds ${[...file.tensors.keys()].join(", ")}`,
    );
  }
  return t;
}

const show = (t: WeightTensor) => `${t.name} [${t.shape}]`;

/** Checks every shape against d_in and d_sae taken from the encoder. */
function checkShapes(spec: Omit<SaeSpec, "dIn" | "dSae">): SaeSpec {
  const enc = spec.wEnc.tensor;
  if (enc.shape.length !== 2) throw new FormatError(spec.describe, `${show(enc)} is not a matrix`);
  const [dSae, dIn] = spec.wEnc.transposed ? [enc.shape[1], enc.shape[0]] : enc.shape;
  const layout = (m: StoredMatrix) => m.transposed ? [dIn, dSae] : [dSae, dIn];
  const want: [WeightTensor | null, number[]][] = [
    [spec.wDec.tensor, layout(spec.wDec)],
    [spec.bEnc, [dSae]],
    [spec.bDec, [dIn]],
    [spec.threshold, [dSae]],
  ];
  for (const [t, shape] of want) {
    if (t && (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i]))) {
      throw new FormatError(
        spec.describe,
        `${show(t)} contradicts ${show(enc)} (d_in ${dIn}, d_sae ${dSae}); ` +
          `want [${shape}]`,
      );
    }
  }
  if (dSae < 1 || dIn < 1) throw new FormatError(spec.describe, `${show(enc)} is empty`);
  if (spec.activation.kind === "topk" && spec.activation.k > dSae) {
    throw new FormatError(spec.describe, `TopK k = ${spec.activation.k} exceeds d_sae ${dSae}`);
  }
  return { ...spec, dIn, dSae };
}

function goodfire(file: WeightFile, format: SaeFormat): SaeSpec {
  const why = "Goodfire SAE";
  return checkShapes({
    format,
    describe: file.describe,
    activation: { kind: "relu" },
    applyBDecToInput: false,
    wEnc: { tensor: need(file, GOODFIRE.wEnc, why), transposed: false },
    wDec: { tensor: need(file, GOODFIRE.wDec, why), transposed: true },
    bEnc: need(file, GOODFIRE.bEnc, why),
    bDec: need(file, GOODFIRE.bDec, why),
    threshold: null,
    config: null,
    file,
  });
}

/** SAELens cfg.json -> activation and centering; anything we cannot honour is an error. */
export function parseSaeLensConfig(
  cfg: Record<string, unknown>,
  where: string,
): { activation: SaeActivation; applyBDecToInput: boolean } {
  const text = (key: string) => {
    const v = cfg[key];
    if (v !== undefined && v !== null && typeof v !== "string") {
      throw new FormatError(where, `${key}: expected a string, got ${describe(v)}`);
    }
    return v ?? undefined;
  };
  const kw = cfg.activation_fn_kwargs;
  if (kw !== undefined && kw !== null && (typeof kw !== "object" || Array.isArray(kw))) {
    throw new FormatError(where, `activation_fn_kwargs: expected an object, got ${describe(kw)}`);
  }
  const fnKwargs = kw as Record<string, unknown> | undefined;
  const fn = text("activation_fn_str") ?? text("activation_fn") ?? "relu";
  let arch = text("architecture") ?? "standard";
  // Older SAELens wrote TopK SAEs as "standard" with a topk activation function.
  if (arch === "standard" && fn === "topk") arch = "topk";
  const norm = cfg.normalize_activations;
  if (norm !== undefined && norm !== null && norm !== "none") {
    throw new FormatError(
      where,
      `normalize_activations ${JSON.stringify(norm)} is not supported (only "none"); ` +
        `the activation scaling it needs is not in the weights file`,
    );
  }
  if (cfg.finetuning_scaling_factor === true) {
    throw new FormatError(where, `finetuning_scaling_factor is not supported`);
  }
  if (cfg.rescale_acts_by_decoder_norm === true) {
    throw new FormatError(where, `rescale_acts_by_decoder_norm is not supported`);
  }
  let activation: SaeActivation;
  if (arch === "standard") {
    if (fn !== "relu") {
      throw new FormatError(
        where,
        `activation_fn ${JSON.stringify(fn)} is not supported (relu, topk)`,
      );
    }
    activation = { kind: "relu" };
  } else if (arch === "jumprelu") {
    activation = { kind: "jumprelu" };
  } else if (arch === "topk") {
    const k = cfg.k ?? fnKwargs?.k;
    if (typeof k !== "number" || !Number.isInteger(k) || k < 1) {
      throw new FormatError(
        where,
        `topk architecture needs an integer k >= 1 (k or activation_fn_kwargs.k)`,
      );
    }
    activation = { kind: "topk", k };
  } else {
    throw new FormatError(
      where,
      `unsupported SAELens architecture ${JSON.stringify(arch)}; supported: standard, ` +
        `jumprelu, topk`,
    );
  }
  const center = cfg.apply_b_dec_to_input;
  if (center !== undefined && typeof center !== "boolean") {
    throw new FormatError(where, `apply_b_dec_to_input must be true or false`);
  }
  // SAELens' default is true: it subtracts b_dec unless told not to.
  return { activation, applyBDecToInput: center ?? true };
}

function saeLens(file: WeightFile, cfg: Record<string, unknown>, where: string): SaeSpec {
  const { activation, applyBDecToInput } = parseSaeLensConfig(cfg, where);
  const why = "SAELens weights";
  const spec = checkShapes({
    format: "saelens",
    describe: file.describe,
    activation,
    applyBDecToInput,
    wEnc: { tensor: need(file, "W_enc", why), transposed: true },
    wDec: { tensor: need(file, "W_dec", why), transposed: false },
    bEnc: need(file, "b_enc", why),
    bDec: need(file, "b_dec", why),
    threshold: activation.kind === "jumprelu" ? need(file, "threshold", "JumpReLU SAE") : null,
    config: cfg,
    file,
  });
  for (const [key, have] of [["d_in", spec.dIn], ["d_sae", spec.dSae]] as const) {
    const v = cfg[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 1) {
      throw new FormatError(where, `${key}: expected a positive integer, got ${describe(v)}`);
    }
    if (v !== have) throw new FormatError(where, `${key} ${v} contradicts the weights (${have})`);
  }
  return spec;
}

async function readConfig(folder: FileSource, name: string): Promise<Record<string, unknown>> {
  let cfg: unknown;
  try {
    cfg = JSON.parse(await folder.text(name));
  } catch (e) {
    if (e instanceof SyntaxError) throw new FormatError(`${name} in ${folder.describe}`, e.message);
    throw e;
  }
  if (typeof cfg !== "object" || cfg === null || Array.isArray(cfg)) {
    throw new FormatError(`${name} in ${folder.describe}`, "must be a JSON object");
  }
  return cfg as Record<string, unknown>;
}

/**
 * Opens the SAE at `file` (a .pth or .safetensors) or, with file null, the
 * SAELens folder `prefix` ("" or "sub/dir/") of `folder`.
 */
export async function openSaeSpec(
  folder: FileSource,
  prefix: string,
  file: string | null,
): Promise<SaeSpec> {
  if (file?.endsWith(".pth") || file?.endsWith(".pt")) {
    const weights = await openPth(await folder.open(prefix + file));
    try {
      return goodfire(weights, "goodfire-pth");
    } catch (e) {
      weights.close();
      throw e;
    }
  }
  const name = prefix + (file ?? "sae_weights.safetensors");
  const weights = safetensorsWeights(await openSafetensors(folder, name));
  try {
    if (weights.tensors.has(GOODFIRE.wEnc)) return goodfire(weights, "goodfire-safetensors");
    const cfgName = `${prefix}cfg.json`;
    if (!(await folder.has(cfgName))) {
      throw new FormatError(
        name,
        `SAELens weights need the cfg.json beside them (architecture, ` +
          `apply_b_dec_to_input), and ${folder.describe} has no ${cfgName}`,
      );
    }
    return saeLens(weights, await readConfig(folder, cfgName), `${cfgName} in ${folder.describe}`);
  } catch (e) {
    weights.close();
    throw e;
  }
}

/**
 * Splits a source into the folder to open, a path prefix inside it and the
 * weights file: a name ending in .pth/.pt/.safetensors is a file, anything
 * else a SAELens folder. hf:owner/name[@revision]/path/in/repo selects a file
 * or folder inside a hub repository (revisions containing "/" are not
 * supported in this form).
 */
export function splitSaeSource(
  src: string,
): { folder: string; prefix: string; file: string | null } {
  let folder: string, rest: string;
  const hub = src.match(/^(hf:[^/@]+\/[^/@]+(?:@[^/]+)?)(?:\/(.*))?$/);
  if (hub) {
    [folder, rest] = [hub[1], hub[2] ?? ""];
  } else {
    [folder, rest] = ["", src];
  }
  rest = rest.replace(/\/+$/, "");
  const isFile = /\.(pth|pt|safetensors)$/.test(rest);
  if (!hub) {
    if (!isFile) return { folder: rest, prefix: "", file: null };
    const cut = rest.lastIndexOf("/");
    return {
      folder: cut < 0 ? "." : cut === 0 ? "/" : rest.slice(0, cut),
      prefix: "",
      file: rest.slice(cut + 1),
    };
  }
  if (!isFile) return { folder, prefix: rest ? `${rest}/` : "", file: null };
  const cut = rest.lastIndexOf("/");
  return { folder, prefix: rest.slice(0, cut + 1), file: rest.slice(cut + 1) };
}
