// Builds tests/fixtures/models/llama3-tied-f16: a seeded random Llama 3 with
// tied F16 embeddings and full multi-head attention (8 KV heads for 8 query
// heads), llama3 RoPE scaling, 128 wide, 2 layers, vocab 512 with llama3-tiny's
// tokenizer; and its reference.safetensors from Loupe's plain-TS reference
// path (engine/model/reference.ts: the kernels' references, f64 accumulation),
// not from the GPU. The weights follow llama3-tiny's recipe (embedding std 1),
// so the tied head gives logits of std ~10: a model whose output is sensitive
// to weight error, the case where q8 measured 3.0e-3 mean KL (issue 14).
//
//   deno run -A tests/util/make_tied_f16_fixture.ts

import { loadLlamaConfig } from "../../engine/formats/config.ts";
import { writeSafetensors } from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { blockReference, type HostLayer } from "../../engine/model/reference.ts";
import { ropeInvFreq } from "../../engine/model/rope.ts";
import { matmulReference } from "../../shaders/matmul.ts";
import { rmsnormReference } from "../../shaders/rmsnorm.ts";

const OUT = Deno.env.get("FIXTURE_OUT")
  ? new URL(`file://${Deno.env.get("FIXTURE_OUT")}/`)
  : new URL("../fixtures/models/llama3-tied-f16/", import.meta.url);
/** Std of o_proj and down_proj: how much each block writes into the residual stream. */
const O_STD = Number(Deno.env.get("O_STD") ?? 0.12),
  DOWN_STD = Number(Deno.env.get("DOWN_STD") ?? 0.1);
/** Std of the tied embedding, which sets the logits' scale (~11.3 x this). */
const EMBED_STD = Number(Deno.env.get("EMBED_STD") ?? 1);
const TOKENIZER_FROM = new URL("../fixtures/models/llama3-tiny/", import.meta.url);
const SEED = 14;
const GREEDY = 32;

const CONFIG = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  vocab_size: 512,
  hidden_size: 128,
  intermediate_size: 384,
  num_hidden_layers: 2,
  num_attention_heads: 8,
  num_key_value_heads: 8,
  head_dim: 16,
  hidden_act: "silu",
  max_position_embeddings: 256,
  rms_norm_eps: 1e-5,
  rope_theta: 500000.0,
  rope_scaling: {
    rope_type: "llama3",
    factor: 8.0,
    low_freq_factor: 1.0,
    high_freq_factor: 4.0,
    original_max_position_embeddings: 32,
  },
  attention_bias: false,
  attention_dropout: 0.0,
  mlp_bias: false,
  tie_word_embeddings: true,
  bos_token_id: 1,
  eos_token_id: 2,
  torch_dtype: "float16",
};

/** mulberry32, in (0, 1]. */
function uniformRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967296;
  };
}

function gaussian(seed: number): () => number {
  const uniform = uniformRandom(seed);
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

const randn = gaussian(SEED);
/** n values of N(mean, std^2), rounded to f16 (the stored values are the model). */
function f16Values(n: number, std: number, mean = 0): Float16Array {
  return Float16Array.from({ length: n }, () => mean + std * randn());
}

const h = CONFIG.hidden_size, inter = CONFIG.intermediate_size, V = CONFIG.vocab_size;
const qDim = CONFIG.num_attention_heads * CONFIG.head_dim;
const kvDim = CONFIG.num_key_value_heads * CONFIG.head_dim;
const tensors = new Map<string, { shape: number[]; data: Float16Array }>();
const put = (name: string, shape: number[], std: number, mean = 0) =>
  tensors.set(name, { shape, data: f16Values(shape.reduce((a, b) => a * b), std, mean) });
put("model.embed_tokens.weight", [V, h], EMBED_STD);
for (let l = 0; l < CONFIG.num_hidden_layers; l++) {
  const p = `model.layers.${l}`;
  put(`${p}.input_layernorm.weight`, [h], 0.05, 1);
  put(`${p}.self_attn.q_proj.weight`, [qDim, h], 0.12);
  put(`${p}.self_attn.k_proj.weight`, [kvDim, h], 0.12);
  put(`${p}.self_attn.v_proj.weight`, [kvDim, h], 0.12);
  put(`${p}.self_attn.o_proj.weight`, [h, qDim], O_STD);
  put(`${p}.post_attention_layernorm.weight`, [h], 0.05, 1);
  put(`${p}.mlp.gate_proj.weight`, [inter, h], 0.12);
  put(`${p}.mlp.up_proj.weight`, [inter, h], 0.12);
  put(`${p}.mlp.down_proj.weight`, [h, inter], DOWN_STD);
}
put("model.norm.weight", [h], 0.05, 1);

await Deno.mkdir(OUT, { recursive: true });
await Deno.writeTextFile(new URL("config.json", OUT), JSON.stringify(CONFIG, null, 2) + "\n");
for (const f of ["tokenizer.json", "tokenizer_config.json", "generation_config.json"]) {
  await Deno.copyFile(new URL(f, TOKENIZER_FROM), new URL(f, OUT));
}
await Deno.writeFile(
  new URL("model.safetensors", OUT),
  writeSafetensors(
    [...tensors].map(([name, t]) => ({
      name,
      dtype: "F16" as const,
      shape: t.shape,
      data: new Uint16Array(t.data.buffer),
    })),
    { format: "pt" },
  ),
);

// ---- the reference, from the stored (f16) values ----
const config = await loadLlamaConfig(await openSource(OUT.pathname));
const w = (name: string) => Float32Array.from(tensors.get(name)!.data);
const embed = w("model.embed_tokens.weight");
const layers: HostLayer[] = Array.from({ length: config.numHiddenLayers }, (_, l) => {
  const p = `model.layers.${l}`;
  return {
    inputNorm: w(`${p}.input_layernorm.weight`),
    q: w(`${p}.self_attn.q_proj.weight`),
    k: w(`${p}.self_attn.k_proj.weight`),
    v: w(`${p}.self_attn.v_proj.weight`),
    o: w(`${p}.self_attn.o_proj.weight`),
    postNorm: w(`${p}.post_attention_layernorm.weight`),
    gate: w(`${p}.mlp.gate_proj.weight`),
    up: w(`${p}.mlp.up_proj.weight`),
    down: w(`${p}.mlp.down_proj.weight`),
  };
});
const finalNorm = w("model.norm.weight");

/** Logits [T, V] and every layer's output [T, h], a full forward from position 0. */
function forward(tokens: number[]): { logits: Float32Array; resid: Float32Array[] } {
  const T = tokens.length;
  let x: Float32Array = new Float32Array(T * h);
  tokens.forEach((t, i) => x.set(embed.subarray(t * h, (t + 1) * h), i * h));
  const resid: Float32Array[] = [];
  for (const layer of layers) {
    x = blockReference(config, layer, x);
    resid.push(x);
  }
  const normed = rmsnormReference(x, finalNorm, h, config.rmsNormEps);
  return { logits: matmulReference(normed, embed, T, h, V), resid };
}

/** Top-1 minus top-2 logit of row t. */
function gap(logits: Float32Array, t: number): number {
  const row = Array.from(logits.subarray(t * V, (t + 1) * V)).sort((a, b) => b - a);
  return row[0] - row[1];
}

// BOS + 23 ids drawn from [3, 496) (no special tokens), as llama3-tiny's prompt.
const promptRandom = uniformRandom(SEED + 1);
const prompt = [1, ...Array.from({ length: 23 }, () => 3 + Math.floor(promptRandom() * 493) % 493)];
const { logits, resid } = forward(prompt);
const greedy: number[] = [];
let minGap = Infinity;
for (let s = 0; s < GREEDY; s++) {
  const seq = [...prompt, ...greedy];
  const out = s === 0 ? logits : forward(seq).logits;
  const t = seq.length - 1;
  const row = out.subarray(t * V, (t + 1) * V);
  let best = 0;
  for (let i = 1; i < V; i++) if (row[i] > row[best]) best = i;
  minGap = Math.min(minGap, gap(out, t));
  greedy.push(best);
}
const T = prompt.length;
const invFreq = Float32Array.from(
  ropeInvFreq(config.headDim, config.ropeTheta, config.ropeScaling),
);
await Deno.writeFile(
  new URL("reference.safetensors", OUT),
  writeSafetensors([
    { name: "tokens", dtype: "I32", shape: [T], data: Int32Array.from(prompt) },
    { name: "logits", dtype: "F32", shape: [T, V], data: logits },
    ...resid.map((r, l) => ({ name: `resid.${l}`, dtype: "F32" as const, shape: [T, h], data: r })),
    { name: "greedy", dtype: "I32", shape: [GREEDY], data: Int32Array.from(greedy) },
    { name: "rope.inv_freq", dtype: "F32", shape: [invFreq.length], data: invFreq },
  ], {
    producer: "tests/util/make_tied_f16_fixture.ts (engine/model/reference.ts, f64 accumulation)",
  }),
);
let logitStd = 0;
for (let t = 0; t < T; t++) {
  const row = logits.subarray(t * V, (t + 1) * V);
  const mean = row.reduce((a, b) => a + b) / V;
  logitStd += Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / V) / T;
}
await Deno.writeTextFile(
  new URL("reference.json", OUT),
  JSON.stringify(
    {
      model: "llama3-tied-f16",
      made_by: "tests/util/make_tied_f16_fixture.ts",
      seed: SEED,
      prompt_tokens: prompt,
      greedy_tokens: greedy,
      greedy_min_top1_top2_gap: minGap,
      mean_logit_std: logitStd,
      computed_with: "engine/model/reference.ts block by block (kernel references, f64 " +
        "accumulation), weights as stored (F16 upcast exactly), full forward without KV cache",
    },
    null,
    2,
  ) + "\n",
);
console.log(`wrote ${OUT.pathname}: greedy min top1-top2 gap ${minGap}, logit std ${logitStd}`);
