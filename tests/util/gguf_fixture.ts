// GGUF files for tests: the stories260K fixture's bytes, copies of it with
// metadata or tensors edited (through the writer), byte patches of its tensor
// infos, and a fetch that serves bytes from memory so that Engine.load reads
// them as an http file.

import { type GgufValue, readGgufHeader } from "../../engine/formats/gguf_header.ts";
import {
  f32Bytes,
  gguf,
  type GgufTensorToWrite,
  writeGguf,
} from "../../engine/formats/gguf_write.ts";
import { openSource } from "../../engine/formats/source.ts";
import { memoryReader } from "../../engine/platform/bytes.ts";
import { f16Bits, ggmlBlock, type GgmlType } from "../../engine/quant/ggml.ts";
import { modelPath } from "./fixtures.ts";

export const STORIES_GGUF_DIR = `${modelPath("stories260K")}/gguf`;
export const STORIES_GGUF = `${STORIES_GGUF_DIR}/stories260K.gguf`;

/** The whole fixture file (1.2 MB). */
export async function storiesGgufBytes(): Promise<Uint8Array<ArrayBuffer>> {
  const reader = await (await openSource(STORIES_GGUF_DIR)).open("stories260K.gguf");
  try {
    return await reader.read(0, reader.size);
  } finally {
    reader.close();
  }
}

/** A GGUF file rewritten by the writer after `edit` changed its metadata or tensors. */
export async function rewriteGguf(
  bytes: Uint8Array,
  edit: (metadata: Map<string, GgufValue>, tensors: GgufTensorToWrite[]) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  const header = await readGgufHeader(memoryReader("in.gguf", bytes));
  const metadata = new Map(header.metadata);
  metadata.delete("general.alignment");
  const tensors = header.tensors.map((t) => ({
    name: t.name,
    type: t.type,
    ne: t.ne,
    data: bytes.slice(t.offset, t.offset + t.byteLength),
  }));
  edit(metadata, tensors);
  return writeGguf({ metadata, tensors, alignment: header.alignment });
}

/**
 * Byte offset of a tensor's info fields after its name (n_dims, ne[], type,
 * offset) in a GGUF file, found by its length-prefixed name.
 */
export function tensorInfoAt(bytes: Uint8Array, name: string): {
  nDims: number;
  typeAt: number;
  offsetAt: number;
} {
  const encoded = new TextEncoder().encode(name);
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(encoded.length), true);
  const needle = new Uint8Array([...length, ...encoded]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    const at = i + needle.length;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const nDims = view.getUint32(at, true);
    const typeAt = at + 4 + 8 * nDims;
    return { nDims, typeAt, offsetAt: typeAt + 4 };
  }
  throw new Error(`no tensor info for ${name}`);
}

/** A fetch serving `files` at http://memory.test/<name> (whole files; HEAD too). */
export function memoryFetch(files: Record<string, Uint8Array>): typeof fetch {
  return (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const bytes = files[decodeURIComponent(url.pathname.slice(1))];
    if (!bytes) return Promise.resolve(new Response("not found", { status: 404 }));
    const head = (init?.method ?? "GET") === "HEAD";
    return Promise.resolve(
      new Response(head ? null : bytes.slice(), {
        headers: { "content-length": String(bytes.length) },
      }),
    );
  };
}

export const MEMORY_URL = "http://memory.test";

/**
 * ggml's reference quantizers for Q8_0 and Q4_0 (quantize_row_q8_0_ref,
 * quantize_row_q4_0_ref): blocks of 32, an f16 scale, then the codes. `values`
 * holds whole rows whose length is a multiple of 32.
 */
export function quantizeGgmlRef(type: "Q8_0" | "Q4_0", values: Float32Array): Uint8Array {
  const blocks = values.length / 32, size = type === "Q8_0" ? 34 : 18;
  const out = new Uint8Array(blocks * size), view = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    const x = values.subarray(b * 32, b * 32 + 32), at = b * size;
    if (type === "Q8_0") {
      let amax = 0;
      for (const v of x) amax = Math.max(amax, Math.abs(v));
      const d = amax / 127, id = d ? 1 / d : 0;
      view.setUint16(at, f16Bits(d), true);
      for (let j = 0; j < 32; j++) view.setInt8(at + 2 + j, Math.round(x[j] * id));
    } else {
      let amax = 0, max = 0;
      for (const v of x) if (Math.abs(v) > amax) [amax, max] = [Math.abs(v), v];
      const d = max / -8, id = d ? 1 / d : 0;
      view.setUint16(at, f16Bits(d), true);
      const code = (v: number) => Math.min(15, Math.trunc(v * id + 8.5));
      for (let j = 0; j < 16; j++) out[at + 2 + j] = code(x[j]) | (code(x[j + 16]) << 4);
    }
  }
  return out;
}

/** Byte offsets of each block type's f16 scale / minimum fields, and the largest |code x sub-scale|. */
const BLOCK_SCALES: Partial<Record<GgmlType, { at: number[]; range: number }>> = {
  Q4_0: { at: [0], range: 8 },
  Q4_1: { at: [0, 2], range: 15 },
  Q5_0: { at: [0], range: 16 },
  Q5_1: { at: [0, 2], range: 31 },
  Q8_0: { at: [0], range: 127 },
  Q4_K: { at: [0, 2], range: 63 * 15 },
  Q5_K: { at: [0, 2], range: 63 * 31 },
  Q6_K: { at: [208], range: 128 * 32 },
};

/**
 * `rows` x `cols` of `type` with random codes and scales set so that weights
 * stay within about ±0.05: every bit pattern of a ggml block's codes is a
 * valid block, so random bytes exercise every code path of a type.
 */
export function randomGgmlRows(
  type: GgmlType,
  rows: number,
  cols: number,
  seed: number,
): Uint8Array {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  if (type === "F32" || type === "F16" || type === "BF16") {
    const values = Float32Array.from({ length: rows * cols }, () => (next() - 0.5) * 0.1);
    if (type === "F32") return f32Bytes(values);
    const out = new Uint16Array(values.length);
    const bits = new Uint32Array(values.buffer);
    for (let i = 0; i < values.length; i++) {
      out[i] = type === "F16" ? f16Bits(values[i]) : bits[i] >>> 16;
    }
    return new Uint8Array(out.buffer);
  }
  const { elems, bytes } = ggmlBlock(type);
  const out = new Uint8Array(rows * (cols / elems) * bytes);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(next() * 256);
  const scales = BLOCK_SCALES[type]!, view = new DataView(out.buffer);
  for (let b = 0; b < out.length; b += bytes) {
    for (const at of scales.at) {
      view.setUint16(b + at, f16Bits((0.5 + next()) * 0.05 / scales.range), true);
    }
  }
  return out;
}

/**
 * A random Llama of `hidden` = intermediate = vocab = 256 (one K-quant
 * super-block per row), 4 heads of 64 (2 KV heads), `layers` layers, whose
 * matrices have the given types (missing: F32), with a plain 256-piece
 * SentencePiece vocabulary.
 */
export function syntheticLlamaGguf(
  types: Record<string, GgmlType>,
  layers = 2,
): Uint8Array<ArrayBuffer> {
  const h = 256, heads = 4, kvHeads = 2, headDim = 64, vocab = 256;
  const tokens = ["<unk>", "<s>", "</s>", ...Array.from({ length: vocab - 3 }, (_, i) => `p${i}`)];
  const metadata: Record<string, GgufValue> = {
    "general.architecture": gguf.string("llama"),
    "llama.block_count": gguf.u32(layers),
    "llama.context_length": gguf.u32(64),
    "llama.embedding_length": gguf.u32(h),
    "llama.feed_forward_length": gguf.u32(h),
    "llama.attention.head_count": gguf.u32(heads),
    "llama.attention.head_count_kv": gguf.u32(kvHeads),
    "llama.attention.layer_norm_rms_epsilon": gguf.f32(1e-5),
    "llama.rope.dimension_count": gguf.u32(headDim),
    "tokenizer.ggml.model": gguf.string("llama"),
    "tokenizer.ggml.tokens": gguf.strings(tokens),
    "tokenizer.ggml.scores": gguf.f32s(new Float32Array(vocab)),
    "tokenizer.ggml.token_type": gguf.i32s(tokens.map((_, i) => (i === 0 ? 2 : i < 3 ? 3 : 1))),
    "tokenizer.ggml.bos_token_id": gguf.u32(1),
    "tokenizer.ggml.eos_token_id": gguf.u32(2),
    "tokenizer.ggml.unknown_token_id": gguf.u32(0),
  };
  const shapes: [string, number][] = [["token_embd.weight", vocab], ["output.weight", vocab]];
  for (let l = 0; l < layers; l++) {
    for (
      const [name, rows] of [
        ["attn_q", h],
        ["attn_k", kvHeads * headDim],
        ["attn_v", kvHeads * headDim],
        ["attn_output", h],
        ["ffn_gate", h],
        ["ffn_up", h],
        ["ffn_down", h],
      ] as const
    ) {
      shapes.push([`blk.${l}.${name}.weight`, rows]);
    }
  }
  const tensors: GgufTensorToWrite[] = shapes.map(([name, rows], i) => {
    const type = types[name] ?? "F32";
    return { name, type, ne: [h, rows], data: randomGgmlRows(type, rows, h, 1000 + i) };
  });
  const ones = f32Bytes(new Float32Array(h).fill(1));
  tensors.push({ name: "output_norm.weight", type: "F32", ne: [h], data: ones });
  for (let l = 0; l < layers; l++) {
    for (const norm of ["attn_norm", "ffn_norm"]) {
      tensors.push({ name: `blk.${l}.${norm}.weight`, type: "F32", ne: [h], data: ones });
    }
  }
  return writeGguf({ metadata, tensors });
}
