// The synthetic F32 Llama used to exercise ggml's K-quants on full
// super-blocks (stories260K is 64 wide, so llama.cpp gives its tensors
// 32-block fallbacks instead of Q4_K/Q5_K/Q6_K). It is made from a seed, so it
// is not stored: tests/fixtures/build/llamacpp.ts quantizes it with llama.cpp
// and records its sha256, and tests that need the F32 file rebuild it and
// check that hash. The tokenizer metadata is copied unchanged from
// stories260K.gguf (vocab 512), so prompts tokenize the same way.

import { type GgufKv, type GgufTensorToWrite, kvOf, readGguf, writeGguf } from "./gguf_file.ts";
import { rng } from "./compare.ts";

export const SYNTHETIC = {
  name: "synthetic256",
  seed: 20261202,
  hidden: 256,
  /** 512 = two super-blocks per row of ffn_down, so kernels cross a super-block boundary in a row. */
  intermediate: 512,
  layers: 2,
  heads: 8,
  kvHeads: 2,
  vocab: 512,
  contextLength: 256,
  ropeBase: 10000,
  rmsEps: 1e-5,
} as const;

/** Approximately standard-normal values from a seeded PRNG using only + and *
 * (Irwin-Hall with 4 uniforms), so the bytes do not depend on Math.log/cos. */
function normals(random: () => number, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  const k = std * Math.sqrt(3);
  for (let i = 0; i < n; i++) out[i] = (random() + random() + random() + random() - 2) * k;
  return out;
}

/** RMSNorm weights around 1, so the norm's scale matters but stays well conditioned. */
function normWeights(random: () => number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = 1 + (random() * 2 - 1) * 0.2;
  return out;
}

/**
 * The synthetic model's GGUF bytes. Scales: projections N(0, 1/fan_in) so the
 * residual stream stays O(1); token embeddings N(0, 1); the head N(0, 0.2²)
 * so logits on the normalized stream spread by ~3 (not flat, not saturated).
 */
export function buildSyntheticGguf(storiesGguf: Uint8Array): Uint8Array {
  const s = SYNTHETIC;
  const stories = readGguf(storiesGguf);
  const tokenizer: GgufKv[] = stories.kv.filter((e) => e.key.startsWith("tokenizer."));
  const headDim = s.hidden / s.heads;
  const kv: GgufKv[] = [
    kvOf.string("general.architecture", "llama"),
    kvOf.string("general.name", s.name),
    kvOf.u32("general.file_type", 0), // LLAMA_FTYPE_ALL_F32
    kvOf.u32("llama.context_length", s.contextLength),
    kvOf.u32("llama.embedding_length", s.hidden),
    kvOf.u32("llama.block_count", s.layers),
    kvOf.u32("llama.feed_forward_length", s.intermediate),
    kvOf.u32("llama.rope.dimension_count", headDim),
    kvOf.u32("llama.attention.head_count", s.heads),
    kvOf.u32("llama.attention.head_count_kv", s.kvHeads),
    kvOf.f32("llama.attention.layer_norm_rms_epsilon", s.rmsEps),
    kvOf.f32("llama.rope.freq_base", s.ropeBase),
    kvOf.u32("llama.vocab_size", s.vocab),
    ...tokenizer,
  ];
  const random = rng(s.seed);
  const kvDim = headDim * s.kvHeads;
  const matrix = (name: string, cols: number, rows: number, std: number): GgufTensorToWrite => ({
    name,
    dims: [cols, rows],
    data: normals(random, cols * rows, std),
  });
  const tensors: GgufTensorToWrite[] = [
    matrix("token_embd.weight", s.hidden, s.vocab, 1),
  ];
  const proj = 1 / Math.sqrt(s.hidden);
  for (let l = 0; l < s.layers; l++) {
    const b = `blk.${l}.`;
    tensors.push(
      { name: b + "attn_norm.weight", dims: [s.hidden], data: normWeights(random, s.hidden) },
      matrix(b + "attn_q.weight", s.hidden, s.hidden, proj),
      matrix(b + "attn_k.weight", s.hidden, kvDim, proj),
      matrix(b + "attn_v.weight", s.hidden, kvDim, proj),
      matrix(b + "attn_output.weight", s.hidden, s.hidden, proj),
      { name: b + "ffn_norm.weight", dims: [s.hidden], data: normWeights(random, s.hidden) },
      matrix(b + "ffn_gate.weight", s.hidden, s.intermediate, proj),
      matrix(b + "ffn_up.weight", s.hidden, s.intermediate, proj),
      matrix(b + "ffn_down.weight", s.intermediate, s.hidden, 1 / Math.sqrt(s.intermediate)),
    );
  }
  tensors.push(
    { name: "output_norm.weight", dims: [s.hidden], data: normWeights(random, s.hidden) },
    matrix("output.weight", s.hidden, s.vocab, 0.2),
  );
  return writeGguf(kv, tensors);
}

/** Lowercase hex sha256 (Web Crypto, so it works in Deno and browsers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
