// A GGUF checkpoint seen as a Hugging Face one: llama.cpp's tensor names
// mapped to the HF module tree, shapes in PyTorch order, and the Q/K row
// permutation llama.cpp applies for its RoPE undone as rows are read, so that
// module outputs and KV caches equal the safetensors model's.
//
// convert_hf_to_gguf.py's `permute` reshapes each head's rows [headDim, cols]
// as (2, headDim/2) and swaps the axes: HF row i * headDim/2 + j (rotate-half
// pairs dims j and j + headDim/2) becomes GGUF row 2j + i (adjacent pairs,
// llama.cpp's "normal" RoPE). K is permuted with kv_heads, Q with heads; both
// have headDim rows per head, so one mapping undoes both. Rows are whole in
// every ggml type, so the raw stored rows are reordered the same way.

import { FormatError } from "../errors.ts";
import type { ByteReader, FileSource } from "../platform/bytes.ts";
import { dequantizeGgml, type GgmlType } from "../quant/ggml.ts";
import type { Checkpoint, CheckpointTensor } from "./checkpoint.ts";
import type { LlamaConfig } from "./config.ts";
import { toFloat32 } from "./dtype.ts";
import { ggufLlamaConfig } from "./gguf_config.ts";
import { ggufTokenizer } from "./gguf_tokenizer.ts";
import type { Tokenizer } from "./tokenizer.ts";
import { type GgufHeader, type GgufTensorInfo, readGgufHeader } from "./gguf_header.ts";
import { GgufMetadata } from "./gguf_metadata.ts";

/** llama.cpp's per-layer tensor names and their HF counterparts under model.layers.N. */
export const GGUF_LAYER_TENSORS: Readonly<Record<string, string>> = {
  attn_norm: "input_layernorm",
  attn_q: "self_attn.q_proj",
  attn_k: "self_attn.k_proj",
  attn_v: "self_attn.v_proj",
  attn_output: "self_attn.o_proj",
  ffn_norm: "post_attention_layernorm",
  ffn_gate: "mlp.gate_proj",
  ffn_up: "mlp.up_proj",
  ffn_down: "mlp.down_proj",
};

/** The top-level tensors. */
export const GGUF_TOP_TENSORS: Readonly<Record<string, string>> = {
  "token_embd.weight": "model.embed_tokens.weight",
  "output_norm.weight": "model.norm.weight",
  "output.weight": "lm_head.weight",
};

/** Llama 3 RoPE scaling as llama.cpp stores it: read into the config, not a weight. */
export const ROPE_FREQS_TENSOR = "rope_freqs.weight";

const LAYER_NAME = /^blk\.(\d{1,9})\.([a-z_]+)\.weight$/;

/** The HF name of a GGUF tensor, or null for names outside the llama set. */
export function hfTensorName(ggufName: string): string | null {
  const top = GGUF_TOP_TENSORS[ggufName];
  if (top !== undefined && Object.hasOwn(GGUF_TOP_TENSORS, ggufName)) return top;
  const m = LAYER_NAME.exec(ggufName);
  if (m && Object.hasOwn(GGUF_LAYER_TENSORS, m[2])) {
    return `model.layers.${Number(m[1])}.${GGUF_LAYER_TENSORS[m[2]]}.weight`;
  }
  return null;
}

const PERMUTED = /\.self_attn\.[qk]_proj\.weight$/;

/**
 * For HF rows [start, start + count) of a permuted Q/K matrix: the GGUF rows
 * of the whole heads covering them (first, count) and, per HF row, its index
 * in that block.
 */
export function unpermutedRows(headDim: number, start: number, count: number) {
  const first = Math.floor(start / headDim) * headDim;
  const end = Math.ceil((start + count) / headDim) * headDim;
  const half = headDim / 2;
  const source = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const r = start + k, head = Math.floor(r / headDim), within = r - head * headDim;
    const i = Math.floor(within / half), j = within - i * half;
    source[k] = head * headDim + 2 * j + i - first;
  }
  return { first, count: end - first, source };
}

interface GgufTensor extends CheckpointTensor {
  readonly info: GgufTensorInfo;
  /** Whether rows come back un-permuted (Q and K). */
  readonly permuted: boolean;
}

export class GgufCheckpoint implements Checkpoint {
  readonly describe: string;
  readonly configName = "the GGUF metadata";
  readonly tensors: Map<string, GgufTensor>;
  readonly header: GgufHeader;
  readonly metadata: GgufMetadata;
  #reader: ByteReader | null;
  #headDim = 0;

  constructor(describe: string, reader: ByteReader, header: GgufHeader) {
    this.describe = describe;
    this.#reader = reader;
    this.header = header;
    this.metadata = new GgufMetadata(reader.name, header.metadata);
    this.tensors = new Map();
    for (const info of header.tensors) {
      if (info.name === ROPE_FREQS_TENSOR) continue;
      // Names outside the llama set stay as they are, so that the loader's
      // check names them as tensors the model does not account for.
      const name = hfTensorName(info.name) ?? info.name;
      if (this.tensors.has(name)) {
        throw new FormatError(reader.name, `two tensors map to ${name}`, { tensor: info.name });
      }
      this.tensors.set(name, {
        shape: [...info.ne].reverse(),
        file: reader.name,
        info,
        permuted: PERMUTED.test(name),
      });
    }
  }

  /** Sets the head dimension the Q/K permutation is undone with (from the config). */
  setHeadDim(headDim: number): void {
    this.#headDim = headDim;
  }

  get(name: string): GgufTensor {
    const t = this.tensors.get(name);
    if (!t) {
      throw new Error(
        `no tensor ${JSON.stringify(name)} in ${this.describe} (${this.tensors.size} tensors)`,
      );
    }
    return t;
  }

  storedType(name: string): GgmlType {
    return this.get(name).info.type;
  }

  /** Raw stored rows, Q/K rows back in HF order. */
  async readStoredRows(name: string, rowStart: number, rowCount: number): Promise<Uint8Array> {
    const t = this.get(name), info = t.info;
    if (
      !Number.isSafeInteger(rowStart) || !Number.isSafeInteger(rowCount) || rowStart < 0 ||
      rowCount < 0 || rowStart + rowCount > info.rows
    ) {
      throw new Error(
        `${info.name} in ${this.describe}: rows [${rowStart}, ${rowStart + rowCount}) are ` +
          `outside its ${info.rows} rows`,
      );
    }
    if (!t.permuted) return await this.#read(info, rowStart, rowCount);
    if (!(this.#headDim > 0 && info.rows % this.#headDim === 0)) {
      throw new Error(
        `${this.describe}: tensor ${name}: head dimension not set or not dividing rows`,
      );
    }
    const block = unpermutedRows(this.#headDim, rowStart, rowCount);
    const raw = await this.#read(info, block.first, block.count);
    const out = new Uint8Array(rowCount * info.rowBytes);
    for (let k = 0; k < rowCount; k++) {
      const from = block.source[k] * info.rowBytes;
      out.set(raw.subarray(from, from + info.rowBytes), k * info.rowBytes);
    }
    return out;
  }

  async readF32(name: string, rowStart = 0, rowCount?: number): Promise<Float32Array> {
    const info = this.get(name).info;
    const count = rowCount ?? info.rows - rowStart;
    const bytes = await this.readStoredRows(name, rowStart, count);
    const type = info.type;
    if (type === "F32" || type === "F16" || type === "BF16") return toFloat32(bytes, type);
    return dequantizeGgml(type, bytes, count * info.ne[0]);
  }

  async #read(info: GgufTensorInfo, rowStart: number, rowCount: number) {
    if (!this.#reader) {
      throw new Error(`${this.describe}: tensor ${info.name}: checkpoint is closed`);
    }
    try {
      return await this.#reader.read(
        info.offset + rowStart * info.rowBytes,
        rowCount * info.rowBytes,
      );
    } catch (e) {
      throw new FormatError(this.#reader.name, `tensor ${info.name}: ${(e as Error).message}`, {
        tensor: info.name,
        cause: e,
      });
    }
  }

  /** The F32 values of rope_freqs.weight, if the file has it. */
  async ropeFreqFactors(): Promise<Float32Array | undefined> {
    const info = this.header.tensors.find((t) => t.name === ROPE_FREQS_TENSOR);
    if (!info) return undefined;
    if (info.type !== "F32" || info.ne.length !== 1) {
      throw new FormatError(
        this.describe,
        `tensor ${ROPE_FREQS_TENSOR} must be a 1-D F32 vector, got ${info.type} [${info.ne}]`,
        { tensor: ROPE_FREQS_TENSOR },
      );
    }
    return toFloat32(await this.#read(info, 0, 1), "F32");
  }

  close(): void {
    this.#reader?.close();
    this.#reader = null;
  }
}

/** Opens `file` of `source` as a GGUF checkpoint (header only; data is read on request). */
export async function openGguf(source: FileSource, file: string): Promise<GgufCheckpoint> {
  const reader = await source.open(file);
  try {
    const header = await readGgufHeader(reader);
    return new GgufCheckpoint(`${source.describe}/${file}`, reader, header);
  } catch (e) {
    reader.close();
    throw e;
  }
}

/** The LlamaConfig of an opened GGUF checkpoint; sets its head dimension for the Q/K rows. */
export async function ggufConfig(ckpt: GgufCheckpoint): Promise<LlamaConfig> {
  const config = ggufLlamaConfig(ckpt.metadata, {
    hasOutput: ckpt.tensors.has(GGUF_TOP_TENSORS["output.weight"]),
    vocabFromTokens: ckpt.metadata.strings("tokenizer.ggml.tokens")?.length,
    ropeFreqFactors: await ckpt.ropeFreqFactors(),
  });
  ckpt.setHeadDim(config.headDim);
  return config;
}

/** A GGUF model: its checkpoint, and the config and tokenizer from its metadata. */
export async function openGgufModel(
  source: FileSource,
  file: string,
): Promise<{ ckpt: GgufCheckpoint; config: LlamaConfig; tokenizer: Tokenizer }> {
  const ckpt = await openGguf(source, file);
  try {
    const config = await ggufConfig(ckpt);
    const tokenizer = ggufTokenizer(ckpt.metadata, config.vocabSize);
    return { ckpt, config, tokenizer };
  } catch (e) {
    ckpt.close();
    throw e;
  }
}
