// A GGUF file's llama.* metadata turned into the LlamaConfig that config.json
// gives for safetensors models. Each key is type- and range-checked under its
// GGUF name first; the cross-field checks (heads divide hidden, GQA, ids below
// vocab) are then config.ts's own, so both paths accept the same models.
//
// llama.cpp stores no rope_scaling object for Llama 3: convert_hf_to_gguf.py
// writes the per-frequency divisors it implies as the tensor rope_freqs.weight
// ([head_dim / 2] F32), which the caller passes here as `ropeFreqFactors`.

import { FormatError } from "../errors.ts";
import { CONFIG_LIMITS, type LlamaConfig, NUMBER_RANGES, parseLlamaConfig } from "./config.ts";
import type { GgufMetadata } from "./gguf_metadata.ts";

/** ggml's "no token" id (-1 as a uint32). */
const NO_TOKEN = 0xffffffff;

/** Token ids of `keys` that are set and not ggml's -1. */
function tokenIds(m: GgufMetadata, keys: string[], vocab: number): number[] {
  const ids: number[] = [];
  for (const key of keys) {
    if (!m.has(key)) continue;
    const id = m.integer(key, [-1, NO_TOKEN]);
    if (id === -1 || id === NO_TOKEN) continue;
    if (id >= vocab) m.fail(key, `a token id below the vocabulary size ${vocab}`);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * The LlamaConfig of a GGUF file. `hasOutput`: the file holds output.weight
 * (else the embedding is tied). `vocabFromTokens`: the length of
 * tokenizer.ggml.tokens, used when llama.vocab_size is absent.
 */
export function ggufLlamaConfig(
  m: GgufMetadata,
  opts: { hasOutput: boolean; vocabFromTokens?: number; ropeFreqFactors?: Float32Array },
): LlamaConfig {
  const arch = m.string("general.architecture");
  if (arch !== "llama") {
    throw new FormatError(
      m.file,
      `general.architecture is ${JSON.stringify(arch)}; Loupe runs only "llama" models`,
    );
  }
  const L = CONFIG_LIMITS;
  const hidden = m.count("llama.embedding_length", L.hidden_size);
  const heads = m.count("llama.attention.head_count", L.num_attention_heads);
  const kvHeads = m.count("llama.attention.head_count_kv", L.num_key_value_heads, heads);
  const headDim = m.count("llama.attention.key_length", L.head_dim, Math.floor(hidden / heads));
  const valueDim = m.count("llama.attention.value_length", L.head_dim, headDim);
  if (valueDim !== headDim) {
    m.fail("llama.attention.value_length", `equal to the key length ${headDim}`);
  }
  const rotary = m.count("llama.rope.dimension_count", L.head_dim, headDim);
  if (rotary !== headDim) {
    m.fail(
      "llama.rope.dimension_count",
      `the head dimension ${headDim} (partial RoPE is not supported)`,
    );
  }
  const scalingType = m.string("llama.rope.scaling.type", "none");
  if (scalingType !== "none") {
    m.fail("llama.rope.scaling.type", `"none" (${scalingType} RoPE scaling is not supported)`);
  }
  if (m.has("llama.expert_count") && m.integer("llama.expert_count", [0, 1 << 16]) > 0) {
    throw new FormatError(m.file, "mixture-of-experts llama models are not supported");
  }
  const vocab = m.has("llama.vocab_size") || opts.vocabFromTokens === undefined
    ? m.count("llama.vocab_size", L.vocab_size)
    : opts.vocabFromTokens;
  const json = {
    architectures: ["LlamaForCausalLM"],
    hidden_size: hidden,
    intermediate_size: m.count("llama.feed_forward_length", L.intermediate_size),
    num_hidden_layers: m.count("llama.block_count", L.num_hidden_layers),
    num_attention_heads: heads,
    num_key_value_heads: kvHeads,
    head_dim: headDim,
    rms_norm_eps: m.number("llama.attention.layer_norm_rms_epsilon", NUMBER_RANGES.rms_norm_eps),
    rope_theta: m.number("llama.rope.freq_base", NUMBER_RANGES.rope_theta, 10000),
    tie_word_embeddings: !opts.hasOutput,
    vocab_size: vocab,
    max_position_embeddings: m.count("llama.context_length", L.max_position_embeddings),
    bos_token_id: tokenIds(m, ["tokenizer.ggml.bos_token_id"], vocab),
    eos_token_id: tokenIds(
      m,
      ["tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id"],
      vocab,
    ),
  };
  const config = parseLlamaConfig(json, m.file);
  if (opts.ropeFreqFactors) {
    const f = opts.ropeFreqFactors;
    if (f.length !== headDim / 2) {
      throw new FormatError(
        m.file,
        `tensor rope_freqs.weight has ${f.length} values; expected head_dim / 2 = ${headDim / 2}`,
        { tensor: "rope_freqs.weight" },
      );
    }
    const [lo, hi] = NUMBER_RANGES.rope_factor;
    const bad = f.findIndex((x) => !(x >= lo && x <= hi));
    if (bad >= 0) {
      throw new FormatError(
        m.file,
        `tensor rope_freqs.weight: value ${bad} is ${f[bad]}; expected a factor in [${lo}, ${hi}]`,
        { tensor: "rope_freqs.weight" },
      );
    }
    config.ropeFreqFactors = Float32Array.from(f);
  }
  return config;
}
