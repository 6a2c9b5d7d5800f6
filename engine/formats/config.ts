// A Hugging Face LlamaForCausalLM config.json, checked field by field. A wrong
// or missing value is an error naming the field here rather than a shape
// mismatch deep inside a kernel later.

import { FormatError } from "../errors.ts";
import type { FileSource } from "../platform/bytes.ts";

/** Llama 3's frequency-dependent RoPE scaling (rope_type "llama3"). */
export interface Llama3RopeScaling {
  /** rope_type. */
  type: "llama3";
  /** factor: how much longer the context is than the original (8 for Llama 3.1). */
  factor: number;
  /** low_freq_factor. */
  lowFreqFactor: number;
  /** high_freq_factor. */
  highFreqFactor: number;
  /** original_max_position_embeddings (8192 for Llama 3.1). */
  originalMaxPositionEmbeddings: number;
}

/** A checked Hugging Face LlamaForCausalLM config.json, in camelCase. */
export interface LlamaConfig {
  /** The only architecture Loupe runs. */
  architecture: "LlamaForCausalLM";
  /** hidden_size: the residual stream's width. */
  hiddenSize: number;
  /** intermediate_size: the MLP's inner width. */
  intermediateSize: number;
  /** num_hidden_layers. */
  numHiddenLayers: number;
  /** num_attention_heads (query heads). */
  numAttentionHeads: number;
  /** num_key_value_heads (fewer than query heads with grouped-query attention). */
  numKeyValueHeads: number;
  /** head_dim (default hidden_size / num_attention_heads). */
  headDim: number;
  /** rms_norm_eps. */
  rmsNormEps: number;
  /** rope_theta. */
  ropeTheta: number;
  /** null: plain RoPE (rope_scaling absent, null or rope_type "default"). */
  ropeScaling: Llama3RopeScaling | null;
  /**
   * Divisors of each RoPE frequency, [headDim / 2], as llama.cpp stores Llama
   * 3 scaling in GGUF files (the tensor rope_freqs.weight); absent otherwise.
   */
  ropeFreqFactors?: Float32Array;
  /** tie_word_embeddings: lm_head is the embedding matrix. */
  tieWordEmbeddings: boolean;
  /** vocab_size. */
  vocabSize: number;
  /** max_position_embeddings. */
  maxPositionEmbeddings: number;
  /** bos_token_id as a list: HF allows one id, a list, or none. */
  bosTokenIds: number[];
  /** eos_token_id as a list (Llama 3.1 has three). */
  eosTokenIds: number[];
}

export const SUPPORTED_ROPE_TYPES = ["llama3", "default"] as const;

type Obj = Record<string, unknown>;

function show(v: unknown): string {
  if (v === undefined) return "nothing (missing)";
  if (typeof v === "number" || v === null) return JSON.stringify(v);
  // The type makes "4" (a string) tell from 4.
  return `${Array.isArray(v) ? "a list" : typeof v} ${JSON.stringify(v)}`;
}

/**
 * Upper bounds far above any real Llama (405B: 126 layers, hidden 16384,
 * vocab 128256), so that a corrupt or hostile config.json fails here instead
 * of after per-layer work sized by its numbers (10^6 layers took 22 s and
 * 2.9 GB before any tensor was compared).
 */
export const CONFIG_LIMITS = {
  num_hidden_layers: 1024,
  hidden_size: 1 << 17,
  intermediate_size: 1 << 20,
  num_attention_heads: 1024,
  num_key_value_heads: 1024,
  head_dim: 4096,
  vocab_size: 1 << 22,
  max_position_embeddings: 1 << 24,
  original_max_position_embeddings: 1 << 24,
} as const;

/**
 * Ranges of the real-valued fields. Real rms_norm_eps are 1e-6..1e-5: 1e308
 * makes every norm 0, and below 1e-12 it vanishes in f32 (0/0 on a zero row).
 * rope_theta 1e-300 (or a factor of 1e-300) turns the RoPE frequencies into
 * Infinity; real thetas are 1e4..1e7 and llama3 factors 1..32.
 */
export const NUMBER_RANGES = {
  rms_norm_eps: [1e-12, 0.1],
  rope_theta: [1, 1e12],
  rope_factor: [1e-3, 1e6],
} as const;

class Fields {
  constructor(readonly file: string, readonly obj: Obj, readonly prefix = "") {}

  fail(key: string, expected: string): never {
    throw new FormatError(
      this.file,
      `${this.prefix}${key} must be ${expected}, got ${show(this.obj[key])}`,
    );
  }

  positiveInt(key: keyof typeof CONFIG_LIMITS, fallback?: number): number {
    const v = this.obj[key] ?? fallback;
    const max = CONFIG_LIMITS[key];
    if (typeof v === "number" && Number.isSafeInteger(v) && v > 0 && v <= max) return v;
    return this.fail(key, `a positive integer at most ${max}`);
  }

  /** A finite number in [min, max]. */
  number(key: string, [min, max]: readonly [number, number], fallback?: number): number {
    const v = this.obj[key] ?? fallback;
    if (typeof v === "number" && Number.isFinite(v) && v >= min && v <= max) return v;
    return this.fail(key, `a number in [${min}, ${max}]`);
  }

  boolean(key: string, fallback: boolean): boolean {
    const v = this.obj[key] ?? fallback;
    if (typeof v === "boolean") return v;
    return this.fail(key, "true or false");
  }

  /** An id, a list of ids, or null/absent (no ids). */
  tokenIds(key: string): number[] {
    const v = this.obj[key];
    if (v === undefined || v === null) return [];
    const ids = Array.isArray(v) ? v : [v];
    if (ids.every((id) => typeof id === "number" && Number.isSafeInteger(id) && id >= 0)) {
      return ids as number[];
    }
    return this.fail(key, "a non-negative integer, a list of them, or null");
  }
}

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function parseArchitecture(f: Fields) {
  const v = f.obj.architectures;
  if (v === undefined || v === null) return;
  if (!Array.isArray(v) || v.some((a) => typeof a !== "string")) {
    f.fail("architectures", 'a list of strings such as ["LlamaForCausalLM"]');
  }
  const others = (v as string[]).filter((a) => a !== "LlamaForCausalLM");
  if (others.length > 0) {
    throw new Error(
      `${f.file}: architectures is ${JSON.stringify(v)}; Loupe runs only LlamaForCausalLM`,
    );
  }
}

/** Rejects options that would change the computation in ways the engine does not implement. */
function rejectUnsupported(f: Fields) {
  const act = f.obj.hidden_act;
  if (act !== undefined && act !== "silu") {
    f.fail("hidden_act", '"silu" (the only activation supported)');
  }
  for (const key of ["attention_bias", "mlp_bias"]) {
    const v = f.obj[key];
    if (v !== undefined && v !== false) f.fail(key, "false (biases are not supported)");
  }
}

function parseRopeScaling(f: Fields): Llama3RopeScaling | null {
  const v = f.obj.rope_scaling;
  if (v === undefined || v === null) return null;
  if (!isObject(v)) f.fail("rope_scaling", "null or an object with rope_type");
  const s = new Fields(f.file, v, "rope_scaling.");
  // Older configs name the field `type`; transformers accepts both.
  const kind = v.rope_type ?? v.type;
  const supported = SUPPORTED_ROPE_TYPES.map((t) => JSON.stringify(t)).join(", ");
  if (typeof kind !== "string") {
    throw new Error(
      `${f.file}: rope_scaling.rope_type must be a string (supported: ${supported}), ` +
        `got ${show(kind)}`,
    );
  }
  if (kind === "default") return null;
  if (kind !== "llama3") {
    throw new Error(
      `${f.file}: rope_scaling.rope_type ${JSON.stringify(kind)} is not supported; ` +
        `supported: ${supported} (or rope_scaling null)`,
    );
  }
  const scaling: Llama3RopeScaling = {
    type: "llama3",
    factor: s.number("factor", NUMBER_RANGES.rope_factor),
    lowFreqFactor: s.number("low_freq_factor", NUMBER_RANGES.rope_factor),
    highFreqFactor: s.number("high_freq_factor", NUMBER_RANGES.rope_factor),
    originalMaxPositionEmbeddings: s.positiveInt("original_max_position_embeddings"),
  };
  if (scaling.highFreqFactor <= scaling.lowFreqFactor) {
    // The smoothing band divides by (high - low).
    s.fail("high_freq_factor", `greater than low_freq_factor (${scaling.lowFreqFactor})`);
  }
  return scaling;
}

export function parseLlamaConfig(json: unknown, file: string): LlamaConfig {
  if (!isObject(json)) {
    throw new FormatError(
      file,
      `must be a JSON object, got ${Array.isArray(json) ? "an array" : show(json)}`,
    );
  }
  const f = new Fields(file, json);
  parseArchitecture(f);
  rejectUnsupported(f);
  const hiddenSize = f.positiveInt("hidden_size");
  const numAttentionHeads = f.positiveInt("num_attention_heads");
  const numKeyValueHeads = f.positiveInt("num_key_value_heads", numAttentionHeads);
  if (json.head_dim == null && hiddenSize % numAttentionHeads !== 0) {
    throw new FormatError(
      file,
      `hidden_size ${hiddenSize} is not divisible by num_attention_heads ` +
        `${numAttentionHeads}, and head_dim is not given`,
    );
  }
  const headDim = json.head_dim == null
    ? hiddenSize / numAttentionHeads
    : f.positiveInt("head_dim");
  if (headDim % 2 !== 0) f.fail("head_dim", "even (RoPE rotates pairs)");
  if (numAttentionHeads % numKeyValueHeads !== 0) {
    throw new FormatError(
      file,
      `num_attention_heads ${numAttentionHeads} is not a multiple of ` +
        `num_key_value_heads ${numKeyValueHeads}`,
    );
  }
  const vocabSize = f.positiveInt("vocab_size");
  const config: LlamaConfig = {
    architecture: "LlamaForCausalLM",
    hiddenSize,
    intermediateSize: f.positiveInt("intermediate_size"),
    numHiddenLayers: f.positiveInt("num_hidden_layers"),
    numAttentionHeads,
    numKeyValueHeads,
    headDim,
    rmsNormEps: f.number("rms_norm_eps", NUMBER_RANGES.rms_norm_eps),
    ropeTheta: f.number("rope_theta", NUMBER_RANGES.rope_theta, 10000),
    ropeScaling: parseRopeScaling(f),
    tieWordEmbeddings: f.boolean("tie_word_embeddings", false),
    vocabSize,
    maxPositionEmbeddings: f.positiveInt("max_position_embeddings"),
    bosTokenIds: f.tokenIds("bos_token_id"),
    eosTokenIds: f.tokenIds("eos_token_id"),
  };
  for (const key of ["bos_token_id", "eos_token_id"] as const) {
    const ids = key === "bos_token_id" ? config.bosTokenIds : config.eosTokenIds;
    if (ids.some((id) => id >= vocabSize)) f.fail(key, `below vocab_size ${vocabSize}`);
  }
  return config;
}

/** Reads and parses `config.json` (or another name) from a source. */
export async function loadLlamaConfig(source: FileSource, file = "config.json") {
  const text = await source.text(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} in ${source.describe}: invalid JSON: ${(e as Error).message}`);
  }
  return parseLlamaConfig(json, file);
}

/**
 * The config.json a LlamaConfig stands for: parseLlamaConfig reads it back to
 * an equal config (ropeFreqFactors aside, which GGUF keeps as a tensor).
 */
export function llamaConfigJson(c: LlamaConfig): Record<string, unknown> {
  const s = c.ropeScaling;
  return {
    architectures: [c.architecture],
    hidden_size: c.hiddenSize,
    intermediate_size: c.intermediateSize,
    num_hidden_layers: c.numHiddenLayers,
    num_attention_heads: c.numAttentionHeads,
    num_key_value_heads: c.numKeyValueHeads,
    head_dim: c.headDim,
    rms_norm_eps: c.rmsNormEps,
    rope_theta: c.ropeTheta,
    rope_scaling: s && {
      rope_type: s.type,
      factor: s.factor,
      low_freq_factor: s.lowFreqFactor,
      high_freq_factor: s.highFreqFactor,
      original_max_position_embeddings: s.originalMaxPositionEmbeddings,
    },
    tie_word_embeddings: c.tieWordEmbeddings,
    vocab_size: c.vocabSize,
    max_position_embeddings: c.maxPositionEmbeddings,
    bos_token_id: c.bosTokenIds,
    eos_token_id: c.eosTokenIds,
  };
}
