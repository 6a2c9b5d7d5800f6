// The published configs of the models the scale benchmark stands in for, as
// Hugging Face ships them (config.json, generation_config.json), and the
// Goodfire SAEs that go with them. No Deno APIs.

/** meta-llama/Llama-3.1-8B-Instruct's config.json (published values). */
export const LLAMA_31_8B_INSTRUCT = {
  architectures: ["LlamaForCausalLM"],
  attention_bias: false,
  attention_dropout: 0.0,
  bos_token_id: 128000,
  eos_token_id: [128001, 128008, 128009],
  head_dim: 128,
  hidden_act: "silu",
  hidden_size: 4096,
  initializer_range: 0.02,
  intermediate_size: 14336,
  max_position_embeddings: 131072,
  mlp_bias: false,
  model_type: "llama",
  num_attention_heads: 32,
  num_hidden_layers: 32,
  num_key_value_heads: 8,
  pretraining_tp: 1,
  rms_norm_eps: 1e-5,
  rope_scaling: {
    factor: 8.0,
    high_freq_factor: 4.0,
    low_freq_factor: 1.0,
    original_max_position_embeddings: 8192,
    rope_type: "llama3",
  },
  rope_theta: 500000.0,
  tie_word_embeddings: false,
  torch_dtype: "bfloat16",
  transformers_version: "4.43.0.dev0",
  use_cache: true,
  vocab_size: 128256,
};

/** meta-llama/Llama-3.3-70B-Instruct's config.json (published values). */
export const LLAMA_33_70B_INSTRUCT = {
  ...LLAMA_31_8B_INSTRUCT,
  hidden_size: 8192,
  intermediate_size: 28672,
  num_attention_heads: 64,
  num_hidden_layers: 80,
  num_key_value_heads: 8,
  transformers_version: "4.47.0.dev0",
};

export type HfConfig = typeof LLAMA_31_8B_INSTRUCT;

/** Both models' generation_config.json. */
export const GENERATION_CONFIG = {
  bos_token_id: 128000,
  do_sample: true,
  eos_token_id: [128001, 128008, 128009],
  temperature: 0.6,
  top_p: 0.9,
  transformers_version: "4.43.0.dev0",
};

/** A Goodfire SAE: its repository's file name, the layer it reads and its width. */
export interface GoodfireSaeSpec {
  file: string;
  layer: number;
  dIn: number;
  dSae: number;
}

/** Goodfire/Llama-3.1-8B-Instruct-SAE-l19. */
export const GOODFIRE_8B_L19: GoodfireSaeSpec = {
  file: "Llama-3.1-8B-Instruct-SAE-l19.pth",
  layer: 19,
  dIn: 4096,
  dSae: 65536,
};

/** Goodfire/Llama-3.3-70B-Instruct-SAE-l50. */
export const GOODFIRE_70B_L50: GoodfireSaeSpec = {
  file: "Llama-3.3-70B-Instruct-SAE-l50.pth",
  layer: 50,
  dIn: 8192,
  dSae: 65536,
};

/** HF tensor names and shapes in the order the published shards hold them. */
export function hfTensors(c: HfConfig): { name: string; shape: number[] }[] {
  const h = c.hidden_size, i = c.intermediate_size, d = c.head_dim;
  const q = c.num_attention_heads * d, kv = c.num_key_value_heads * d;
  const out = [{ name: "model.embed_tokens.weight", shape: [c.vocab_size, h] }];
  for (let l = 0; l < c.num_hidden_layers; l++) {
    const p = `model.layers.${l}.`;
    // Alphabetical within a layer, as safetensors headers list them.
    out.push(
      { name: p + "input_layernorm.weight", shape: [h] },
      { name: p + "mlp.down_proj.weight", shape: [h, i] },
      { name: p + "mlp.gate_proj.weight", shape: [i, h] },
      { name: p + "mlp.up_proj.weight", shape: [i, h] },
      { name: p + "post_attention_layernorm.weight", shape: [h] },
      { name: p + "self_attn.k_proj.weight", shape: [kv, h] },
      { name: p + "self_attn.o_proj.weight", shape: [h, q] },
      { name: p + "self_attn.q_proj.weight", shape: [q, h] },
      { name: p + "self_attn.v_proj.weight", shape: [kv, h] },
    );
  }
  out.push({ name: "model.norm.weight", shape: [h] }, {
    name: "lm_head.weight",
    shape: [c.vocab_size, h],
  });
  return out;
}

/**
 * The spread of a tensor's seeded uniform values (standard deviation): norms
 * are exactly 1; projections 1/sqrt(fan_in), so each sub-layer adds O(1) to
 * the residual stream and activations stay finite over 80 layers; lm_head
 * 3/sqrt(hidden), so logits spread over a few units (not flat, not one-hot).
 */
export function tensorScale(name: string, shape: readonly number[]): number {
  if (shape.length === 1) return 0;
  if (name === "model.embed_tokens.weight") return 1;
  if (name === "lm_head.weight") return 3 / Math.sqrt(shape[1]);
  return 1 / Math.sqrt(shape[1]);
}

/** The full-size stand-in for Goodfire's example: Llama-3.1-8B-Instruct and its layer-19 SAE. */
export const SCALE_8B = {
  name: "llama-3.1-8b-instruct",
  config: LLAMA_31_8B_INSTRUCT,
  sae: GOODFIRE_8B_L19,
};

/**
 * Llama-3.1-8B-Instruct's widths cut to 2 layers, its layer-19 SAE layout on
 * the last layer: every large matrix at full size (the 128,256 x 4,096
 * embedding and lm_head, the 65,536 x 4,096 SAE) in a fifth of the bytes, for
 * runs where the 16 GB checkpoint cannot load in time (Chromium on a busy CPU).
 */
export const SLICE_8B = {
  name: "llama-3.1-8b-instruct-2-layers",
  config: { ...LLAMA_31_8B_INSTRUCT, num_hidden_layers: 2 },
  sae: { ...GOODFIRE_8B_L19, layer: 1 },
};

/** Llama-3.3-70B-Instruct's widths cut to 4 layers, its layer-50 SAE layout on the last layer. */
export const SLICE_70B = {
  name: "llama-3.3-70b-instruct-4-layers",
  config: { ...LLAMA_33_70B_INSTRUCT, num_hidden_layers: 4 },
  sae: { ...GOODFIRE_70B_L50, layer: 3 },
};
