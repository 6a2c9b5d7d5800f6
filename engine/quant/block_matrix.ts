// A weight matrix [rows, cols] whose rows are GGML blocks kept as ggml stores
// them (Q4_1, Q5_0, Q5_1, Q4_K, Q5_K, Q6_K), read in place by the kernels of
// shaders/ggml_codegen.ts. The only change to ggml's bytes: each block is
// padded at its end to a whole number of u32 words where it is not already
// (Q5_0 22 -> 24 bytes, Q6_K 210 -> 212), so that a block starts on a word.
// Rows from a GGUF file are whole blocks; rows Loupe quantizes itself (q4k,
// q5k, q6k: engine/quant/kquant.ts) may end in a zero-padded super-block
// when cols is not a multiple of 256: a row then holds ceil(cols / 256)
// super-blocks and the kernels read only the first cols values.
// Row chunks, each one binding, as Matrix and QuantMatrix.

import type { Gpu } from "../gpu/gpu.ts";
import { Tensor } from "../gpu/tensor.ts";
import { UsageError } from "../errors.ts";
import { dequantizeGgml, ggmlBlock, type GgmlType } from "./ggml_blocks.ts";
import { type KFormat, quantizeKRows } from "./kquant.ts";
import { quantizeBlock32Rows } from "./search_quant.ts";

/** Block formats read in place; "q4k" and "q6k" are also user-facing quant formats. */
export type BlockFormat = "q4_1" | "q5_0" | "q5_1" | "q4k" | "q5k" | "q6k";

export const BLOCK_FORMAT_TYPE: Readonly<Record<BlockFormat, GgmlType>> = {
  q4_1: "Q4_1",
  q5_0: "Q5_0",
  q5_1: "Q5_1",
  q4k: "Q4_K",
  q5k: "Q5_K",
  q6k: "Q6_K",
};

export const BLOCK_FORMATS = Object.keys(BLOCK_FORMAT_TYPE) as BlockFormat[];

export function isBlockFormat(format: string): format is BlockFormat {
  return Object.hasOwn(BLOCK_FORMAT_TYPE, format);
}

export interface BlockLayout {
  format: BlockFormat;
  type: GgmlType;
  /** Columns (input features) of the unpadded row. */
  cols: number;
  /** Elements per block: 32, or 256 for the K types. */
  elems: number;
  /** ggml's bytes per block. */
  blockBytes: number;
  /** Words per block on the device (blockBytes padded to 4). */
  blockWords: number;
  blocksPerRow: number;
  wordsPerRow: number;
}

export function blockLayout(format: BlockFormat, cols: number): BlockLayout {
  if (!isBlockFormat(format)) {
    throw new UsageError(`unknown block format "${format}"; expected ${BLOCK_FORMATS.join(", ")}`);
  }
  if (!Number.isInteger(cols) || cols < 1) {
    throw new UsageError(
      `a ${format} matrix needs a positive whole number of columns, got ${cols}`,
    );
  }
  const type = BLOCK_FORMAT_TYPE[format];
  const { elems, bytes } = ggmlBlock(type);
  const blockWords = Math.ceil(bytes / 4), blocksPerRow = Math.ceil(cols / elems);
  return {
    format,
    type,
    cols,
    elems,
    blockBytes: bytes,
    blockWords,
    blocksPerRow,
    wordsPerRow: blocksPerRow * blockWords,
  };
}

/** ggml rows (blocks of blockBytes, packed) -> device words (blocks padded to blockWords). */
export function padBlocks(l: BlockLayout, bytes: Uint8Array): Uint32Array<ArrayBuffer> {
  const blocks = bytes.length / l.blockBytes;
  const out = new Uint8Array(blocks * l.blockWords * 4);
  if (l.blockWords * 4 === l.blockBytes) out.set(bytes);
  else {
    for (let b = 0; b < blocks; b++) {
      out.set(bytes.subarray(b * l.blockBytes, (b + 1) * l.blockBytes), b * l.blockWords * 4);
    }
  }
  return new Uint32Array(out.buffer);
}

/** Device words of whole rows -> the f32 values they stand for ([rows, cols]). */
export function dequantizeBlockRows(l: BlockLayout, words: Uint32Array): Float32Array {
  const rows = words.length / l.wordsPerRow;
  const bytes = new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  const packed = new Uint8Array(l.blocksPerRow * l.blockBytes);
  const out = new Float32Array(rows * l.cols);
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < l.blocksPerRow; b++) {
      const at = (r * l.blocksPerRow + b) * l.blockWords * 4;
      packed.set(bytes.subarray(at, at + l.blockBytes), b * l.blockBytes);
    }
    const row = dequantizeGgml(l.type, packed, l.blocksPerRow * l.elems);
    out.set(row.subarray(0, l.cols), r * l.cols);
  }
  return out;
}

/** Byte offsets of each block's f16 fields (the rest of a block is codes and 6/8-bit scales). */
const HALF_FIELDS: Readonly<Record<BlockFormat, readonly number[]>> = {
  q4_1: [0, 2],
  q5_0: [0],
  q5_1: [0, 2],
  q4k: [0, 2],
  q5k: [0, 2],
  q6k: [208],
};

/**
 * Random rows in ggml's bytes (unpadded), made directly in the format: random
 * codes and sub-block scales, f16 fields such that weights have roughly the
 * given RMS. For benchmarks of models too big to hold in f32 on the host.
 */
export function randomBlockRows(
  l: BlockLayout,
  rows: number,
  random: () => number,
  rms = 0.02,
): Uint8Array {
  const out = new Uint8Array(rows * l.blocksPerRow * l.blockBytes);
  const words = new Uint32Array(out.buffer, 0, out.length >> 2);
  for (let i = 0; i < words.length; i++) words[i] = (random() * 0x100000000) >>> 0;
  // Typical |code x sub-scale| of uniform random bytes, per format.
  const spread = { q4_1: 8, q5_0: 9, q5_1: 16, q4k: 150, q5k: 300, q6k: 1400 }[l.format];
  const half = new Uint16Array(new Float16Array([rms / spread]).buffer)[0];
  const view = new DataView(out.buffer);
  for (let b = 0; b < rows * l.blocksPerRow; b++) {
    for (const at of HALF_FIELDS[l.format]) view.setUint16(b * l.blockBytes + at, half, true);
  }
  return out;
}

export interface BlockChunk {
  /** First row of the whole matrix held by this chunk. */
  rowStart: number;
  rows: number;
  /** [rows, wordsPerRow] blocks. */
  words: Tensor<"u32">;
}

/**
 * A matrix of GGML blocks on one device, in row chunks that fit one binding;
 * kernels dequantize it in registers (ARCHITECTURE.md, "GGML block formats").
 */
export class BlockMatrix {
  /** The device holding it. */
  readonly gpu: Gpu;
  /** GPU label prefix. */
  readonly label: string;
  /** The block format. */
  readonly format: BlockFormat;
  /**
   * Blocks per row and their padding.
   * @ignore
   */
  readonly layout: BlockLayout;
  /** Output features. */
  readonly rows: number;
  /** Input features. */
  readonly cols: number;
  /**
   * Row chunks, each one binding.
   * @ignore
   */
  readonly chunks: readonly BlockChunk[];
  /**
   * Per-column weights of the quantization error for writeRows (E[x^2] of
   * the inputs, as llama.cpp's imatrix), or null for plain squared error.
   */
  importance: Float32Array | null = null;

  private constructor(gpu: Gpu, label: string, l: BlockLayout, rows: number, c: BlockChunk[]) {
    this.gpu = gpu;
    this.label = label;
    this.format = l.format;
    this.layout = l;
    this.rows = rows;
    this.cols = l.cols;
    this.chunks = c;
  }

  /** Allocates a zero matrix in binding-sized row chunks. */
  static create(
    gpu: Gpu,
    label: string,
    rows: number,
    cols: number,
    format: BlockFormat,
  ): BlockMatrix {
    const l = blockLayout(format, cols);
    const per = Math.floor(gpu.maxBindingBytes / (l.wordsPerRow * 4));
    if (per < 1) {
      throw new UsageError(
        `${label}: a ${format} row of ${cols} values (${l.wordsPerRow * 4} bytes) exceeds one ` +
          `binding (${gpu.maxBindingBytes} bytes)`,
      );
    }
    const chunks: BlockChunk[] = [];
    try {
      for (let start = 0; start < rows; start += per) {
        const n = Math.min(per, rows - start);
        const name = rows > per ? `${label}[${start}:${start + n}]` : label;
        const words = Tensor.empty(gpu, `${name}.${format}`, [n, l.wordsPerRow], "u32");
        chunks.push({ rowStart: start, rows: n, words });
      }
    } catch (e) {
      for (const c of chunks) c.words.dispose();
      throw e;
    }
    return new BlockMatrix(gpu, label, l, rows, chunks);
  }

  /** Quantizes f32 rows [n, cols] (q4_1, q5_1, q4k, q5k, q6k) and writes them from `rowStart`. */
  writeRows(rowStart: number, data: Float32Array): void {
    const f = this.format;
    if (f === "q5_0") {
      throw new UsageError(
        `${this.label}: Loupe cannot quantize to ${f}; write its ggml bytes with writeBlocks`,
      );
    }
    if (data.length % this.cols !== 0) {
      throw new UsageError(
        `${this.label}: ${data.length} values are not whole rows of ${this.cols}`,
      );
    }
    this.writeBlocks(
      rowStart,
      f === "q4_1" || f === "q5_1"
        ? quantizeBlock32Rows(f, data, this.cols, this.importance)
        : quantizeKRows(f as KFormat, data, this.cols, this.importance),
    );
  }

  /** Writes whole rows of ggml bytes (blocksPerRow blocks each, unpadded) from `rowStart`. */
  writeBlocks(rowStart: number, bytes: Uint8Array): void {
    const l = this.layout, rowBytes = l.blocksPerRow * l.blockBytes;
    const count = bytes.length / rowBytes;
    if (!Number.isInteger(count)) {
      throw new UsageError(
        `${this.label}: ${bytes.length} bytes are not whole ${l.type} rows of ${rowBytes} bytes`,
      );
    }
    if (rowStart < 0 || rowStart + count > this.rows) {
      throw new UsageError(
        `${this.label}: rows [${rowStart}, ${rowStart + count}) outside [0, ${this.rows})`,
      );
    }
    const words = padBlocks(l, bytes);
    for (const c of this.chunks) {
      const from = Math.max(rowStart, c.rowStart),
        to = Math.min(rowStart + count, c.rowStart + c.rows);
      if (from >= to) continue;
      const part = words.subarray(
        (from - rowStart) * l.wordsPerRow,
        (to - rowStart) * l.wordsPerRow,
      );
      this.gpu.write(c.words.buffer, part, (from - c.rowStart) * l.wordsPerRow * 4);
    }
  }

  /** Bytes held on the device. */
  get byteLength(): number {
    return this.chunks.reduce((n, c) => n + c.words.byteLength, 0);
  }

  /** Frees its buffers. */
  dispose(): void {
    for (const c of this.chunks) c.words.dispose();
  }
}
