// A Hugging Face Llama folder written as GGUF the way llama.cpp's
// convert_hf_to_gguf.py writes it, for tests of what the stories260K file
// (converted from llama2.c) does not exercise: Q/K rows permuted with GQA,
// BF16 tensors, an untied output, Llama 3 RoPE scaling as rope_freqs.weight,
// and a byte-level BPE tokenizer with merges and a chat template.

import { loadLlamaConfig } from "../../engine/formats/config.ts";
import type { GgufValue } from "../../engine/formats/gguf_header.ts";
import { GGUF_LAYER_TENSORS, GGUF_TOP_TENSORS } from "../../engine/formats/gguf.ts";
import {
  f32Bytes,
  gguf,
  type GgufTensorToWrite,
  writeGguf,
} from "../../engine/formats/gguf_write.ts";
import { openSafetensors } from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import type { GgmlType } from "../../engine/quant/ggml.ts";

/** convert_hf_to_gguf.py's permute: HF row h*D + i*D/2 + j -> GGUF row h*D + 2j + i. */
export function permuteRows(bytes: Uint8Array, rows: number, heads: number): Uint8Array {
  const D = rows / heads, rowBytes = bytes.length / rows, out = new Uint8Array(bytes.length);
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < D / 2; j++) {
        const from = (h * D + i * D / 2 + j) * rowBytes, to = (h * D + 2 * j + i) * rowBytes;
        out.set(bytes.subarray(from, from + rowBytes), to);
      }
    }
  }
  return out;
}

/** convert_hf_to_gguf.py's LlamaModel.generate_extra_tensors for rope_type llama3. */
function llama3RopeFactors(
  headDim: number,
  theta: number,
  s: {
    factor: number;
    lowFreqFactor: number;
    highFreqFactor: number;
    originalMaxPositionEmbeddings: number;
  },
): number[] {
  const factors: number[] = [];
  const low = s.originalMaxPositionEmbeddings / s.lowFreqFactor;
  const high = s.originalMaxPositionEmbeddings / s.highFreqFactor;
  for (let i = 0; i < headDim; i += 2) {
    const freq = Math.fround(1 / Math.fround(theta ** Math.fround(i / headDim)));
    const wavelen = 2 * Math.PI / freq;
    if (wavelen < high) factors.push(1);
    else if (wavelen > low) factors.push(s.factor);
    else {
      const smooth = (s.originalMaxPositionEmbeddings / wavelen - s.lowFreqFactor) /
        (s.highFreqFactor - s.lowFreqFactor);
      factors.push(1 / ((1 - smooth) / s.factor + smooth));
    }
  }
  return factors;
}

/** GGUF bytes of the HF model in `folder` (safetensors, config.json, tokenizer.json, tokenizer_config.json). */
export async function hfToGguf(folder: string): Promise<Uint8Array<ArrayBuffer>> {
  const files = await openSource(folder);
  const c = await loadLlamaConfig(files);
  const tok = JSON.parse(await files.text("tokenizer.json"));
  const tokConfig = JSON.parse(await files.text("tokenizer_config.json"));
  const tokens: string[] = [];
  const types: number[] = [];
  for (const [piece, id] of Object.entries(tok.model.vocab as Record<string, number>)) {
    tokens[id] = piece;
    types[id] = 1;
  }
  for (const t of tok.added_tokens as { id: number; content: string; special: boolean }[]) {
    tokens[t.id] = t.content;
    types[t.id] = t.special ? 3 : 4;
  }
  const merges = (tok.model.merges as (string | string[])[]).map((m) =>
    Array.isArray(m) ? m.join(" ") : m
  );
  const idOf = (content: string) => tokens.indexOf(content);
  const metadata: Record<string, GgufValue> = {
    "general.architecture": gguf.string("llama"),
    "general.name": gguf.string("converted for tests"),
    "llama.block_count": gguf.u32(c.numHiddenLayers),
    "llama.context_length": gguf.u32(c.maxPositionEmbeddings),
    "llama.embedding_length": gguf.u32(c.hiddenSize),
    "llama.feed_forward_length": gguf.u32(c.intermediateSize),
    "llama.attention.head_count": gguf.u32(c.numAttentionHeads),
    "llama.attention.head_count_kv": gguf.u32(c.numKeyValueHeads),
    "llama.rope.freq_base": gguf.f32(c.ropeTheta),
    "llama.attention.layer_norm_rms_epsilon": gguf.f32(c.rmsNormEps),
    "llama.attention.key_length": gguf.u32(c.headDim),
    "llama.attention.value_length": gguf.u32(c.headDim),
    "llama.vocab_size": gguf.u32(c.vocabSize),
    "llama.rope.dimension_count": gguf.u32(c.headDim),
    "tokenizer.ggml.model": gguf.string("gpt2"),
    "tokenizer.ggml.pre": gguf.string("llama-bpe"),
    "tokenizer.ggml.tokens": gguf.strings(tokens),
    "tokenizer.ggml.token_type": gguf.i32s(types),
    "tokenizer.ggml.merges": gguf.strings(merges),
    "tokenizer.ggml.bos_token_id": gguf.u32(idOf(tokConfig.bos_token)),
    "tokenizer.ggml.eos_token_id": gguf.u32(idOf(tokConfig.eos_token)),
    "tokenizer.chat_template": gguf.string(tokConfig.chat_template),
  };
  const ckpt = await openSafetensors(files);
  const ggufName = new Map<string, string>();
  for (const [g, hf] of Object.entries(GGUF_TOP_TENSORS)) ggufName.set(hf, g);
  for (let l = 0; l < c.numHiddenLayers; l++) {
    for (const [g, hf] of Object.entries(GGUF_LAYER_TENSORS)) {
      ggufName.set(`model.layers.${l}.${hf}.weight`, `blk.${l}.${g}.weight`);
    }
  }
  const tensors: GgufTensorToWrite[] = [];
  try {
    for (const [name, info] of ckpt.tensors) {
      let data: Uint8Array = await ckpt.readBytes(name);
      let type = info.dtype as GgmlType;
      if (info.shape.length === 1 && type !== "F32") {
        // convert_hf_to_gguf.py writes 1-D tensors (norms) as F32.
        data = f32Bytes(await ckpt.readF32(name));
        type = "F32";
      }
      if (name.endsWith("q_proj.weight")) {
        data = permuteRows(data, info.shape[0], c.numAttentionHeads);
      }
      if (name.endsWith("k_proj.weight")) {
        data = permuteRows(data, info.shape[0], c.numKeyValueHeads);
      }
      tensors.push({ name: ggufName.get(name)!, type, ne: [...info.shape].reverse(), data });
    }
  } finally {
    ckpt.close();
  }
  if (c.ropeScaling) {
    const f = llama3RopeFactors(c.headDim, c.ropeTheta, c.ropeScaling);
    tensors.push({ name: "rope_freqs.weight", type: "F32", ne: [f.length], data: f32Bytes(f) });
  }
  return writeGguf({ metadata, tensors });
}
