// A block-quantized weight matrix [rows, cols] (nn.Linear layout) on the GPU:
// the q8/q4 sibling of Matrix, with the same create / upload / writeRows /
// byteLength / dispose surface so that the loader and linear() treat both
// alike and dispatch on `format`. Each row chunk has two buffers, codes and
// scales (format.ts), each small enough for one storage binding.

import type { Gpu } from "../gpu/gpu.ts";
import { Matrix } from "../gpu/matrix.ts";
import { Tensor } from "../gpu/tensor.ts";
import {
  DEFAULT_BLOCK,
  dequantizeRows,
  type MatrixFormat,
  type PackedRows,
  type QuantFormat,
  quantizeRows,
  type QuantLayout,
  quantLayout,
} from "./format.ts";
import { BlockMatrix, dequantizeBlockRows } from "./block_matrix.ts";
import { quantizeRowsSearched } from "./search_quant.ts";
import { UsageError } from "../errors.ts";

export interface QuantChunk {
  /** First row of the whole matrix held by this chunk. */
  rowStart: number;
  rows: number;
  /** [rows, wordsPerRow] packed codes. */
  words: Tensor<"u32">;
  /** [rows, scalesPerRow / 2] f16 scale pairs. */
  scales: Tensor<"u32">;
}

/**
 * A block-quantized weight matrix [rows, cols] (q8 or q4 codes with f16
 * scales per block) on one device, in row chunks that fit one binding.
 * Kernels dequantize it in registers; see ARCHITECTURE.md "Quantization".
 */
export class QuantMatrix {
  /** The device holding it. */
  readonly gpu: Gpu;
  /** GPU label prefix. */
  readonly label: string;
  /**
   * "q8" or "q4".
   * @ignore
   */
  readonly format: QuantFormat;
  /**
   * Words and scales per row.
   * @ignore
   */
  readonly layout: QuantLayout;
  /** Output features. */
  readonly rows: number;
  /** Input features. */
  readonly cols: number;
  /**
   * Row chunks, each one binding.
   * @ignore
   */
  readonly chunks: readonly QuantChunk[];
  /**
   * Search each block's scale for the least (importance-weighted) error
   * (search_quant.ts) instead of max|w| / nmax; the budgeted mix sets it.
   */
  search = false;
  /** Per-column error weights for the searched scales, or null. */
  importance: Float32Array | null = null;

  private constructor(
    gpu: Gpu,
    label: string,
    layout: QuantLayout,
    rows: number,
    chunks: QuantChunk[],
  ) {
    this.gpu = gpu;
    this.label = label;
    this.format = layout.format;
    this.layout = layout;
    this.rows = rows;
    this.cols = layout.cols;
    this.chunks = chunks;
  }

  /** Rows per chunk so that the codes of a chunk fit one binding (scales are smaller). */
  static rowsPerChunk(gpu: Gpu, l: QuantLayout): number {
    const rows = Math.floor(gpu.maxBindingBytes / (l.wordsPerRow * 4));
    if (rows < 1) {
      throw new Error(
        `a ${l.format} row of ${l.cols} values (${l.wordsPerRow * 4} bytes) exceeds one binding ` +
          `(${gpu.maxBindingBytes} bytes)`,
      );
    }
    return rows;
  }

  /** Allocates a zero matrix in binding-sized row chunks; fill it with writeRows/writePacked. */
  static create(
    gpu: Gpu,
    label: string,
    rows: number,
    cols: number,
    format: QuantFormat,
    block = DEFAULT_BLOCK[format],
  ): QuantMatrix {
    const l = quantLayout(format, cols, block);
    const per = QuantMatrix.rowsPerChunk(gpu, l);
    const chunks: QuantChunk[] = [];
    const made: Tensor[] = [];
    const empty = (name: string, shape: number[]) => {
      const t = Tensor.empty(gpu, name, shape, "u32");
      made.push(t);
      return t;
    };
    try {
      for (let start = 0; start < rows; start += per) {
        const n = Math.min(per, rows - start);
        const name = rows > per ? `${label}[${start}:${start + n}]` : label;
        chunks.push({
          rowStart: start,
          rows: n,
          words: empty(`${name}.${format}`, [n, l.wordsPerRow]),
          scales: empty(`${name}.scales`, [n, l.scalesPerRow / 2]),
        });
      }
    } catch (e) {
      for (const t of made) t.dispose();
      throw e;
    }
    return new QuantMatrix(gpu, label, l, rows, chunks);
  }

  /** Quantizes data [rows * cols], row-major, into a new matrix on gpu. */
  static upload(
    gpu: Gpu,
    label: string,
    data: Float32Array,
    rows: number,
    cols: number,
    format: QuantFormat,
    block = DEFAULT_BLOCK[format],
  ): QuantMatrix {
    if (data.length !== rows * cols) {
      throw new Error(`${label}: ${data.length} values do not fill [${rows}, ${cols}]`);
    }
    const m = QuantMatrix.create(gpu, label, rows, cols, format, block);
    m.writeRows(0, data);
    return m;
  }

  /** Quantizes and writes consecutive full rows starting at `rowStart` (may span chunks). */
  writeRows(rowStart: number, data: Float32Array): void {
    if (data.length % this.cols !== 0) {
      throw new Error(`${this.label}: ${data.length} values are not whole rows of ${this.cols}`);
    }
    this.writePacked(
      rowStart,
      this.search
        ? quantizeRowsSearched(data, this.layout, this.importance)
        : quantizeRows(data, this.layout),
    );
  }

  /**
   * Writes rows already in the packed format (quantizeRows / randomPackedRows).
   * @ignore
   */
  writePacked(rowStart: number, p: PackedRows): void {
    const l = this.layout;
    const count = p.words.length / l.wordsPerRow;
    if (!Number.isInteger(count) || p.scales.length !== count * l.scalesPerRow) {
      throw new Error(`${this.label}: packed data is not whole ${l.format} rows of ${l.cols}`);
    }
    if (rowStart < 0 || rowStart + count > this.rows) {
      throw new Error(
        `${this.label}: rows [${rowStart}, ${rowStart + count}) outside [0, ${this.rows})`,
      );
    }
    for (const c of this.chunks) {
      const from = Math.max(rowStart, c.rowStart),
        to = Math.min(rowStart + count, c.rowStart + c.rows);
      if (from >= to) continue;
      const r0 = from - rowStart, r1 = to - rowStart, dst = from - c.rowStart;
      this.gpu.write(
        c.words.buffer,
        p.words.subarray(r0 * l.wordsPerRow, r1 * l.wordsPerRow),
        dst * l.wordsPerRow * 4,
      );
      this.gpu.write(
        c.scales.buffer,
        p.scales.subarray(r0 * l.scalesPerRow, r1 * l.scalesPerRow),
        dst * l.scalesPerRow * 2,
      );
    }
  }

  /** Bytes held on the device: codes and scales of every chunk. */
  get byteLength(): number {
    return this.chunks.reduce((n, c) => n + c.words.byteLength + c.scales.byteLength, 0);
  }

  /** Frees its buffers. */
  dispose(): void {
    for (const c of this.chunks) {
      c.words.dispose();
      c.scales.dispose();
    }
  }
}

/** Any weight matrix: dispatch on `format`. */
export type WeightMatrix = Matrix | QuantMatrix | BlockMatrix;

/**
 * f32 or q8/q4 (one f16 scale per block of codes): the formats the SAE
 * kernels read; GGML block formats (BlockMatrix) are for model projections.
 */
export type PlainWeightMatrix = Matrix | QuantMatrix;

/** Options of createWeightMatrix. */
export interface WeightMatrixOptions {
  /**
   * Quantized formats but f32: per-column weights of the quantization error
   * (length cols, e.g. E[x^2] of the layer's inputs); writeRows minimizes the
   * weighted error. q8 / q4 use it only with `search`.
   */
  importance?: Float32Array;
  /** q8 / q4: search each block's scale (search_quant.ts). K and block-32 formats always search. */
  search?: boolean;
}

/** Device formats a weight matrix can be created in and quantized to on the host. */
export type CreatableFormat = MatrixFormat | "q4_1" | "q5_1" | "q5k";

/**
 * A zero matrix of the given device format (f32, quantized with `block` or
 * the format's default, or a ggml-block BlockMatrix, which ignores `block`).
 */
export function createWeightMatrix(
  gpu: Gpu,
  label: string,
  rows: number,
  cols: number,
  format: CreatableFormat,
  block?: number,
  options: WeightMatrixOptions = {},
): WeightMatrix {
  if (format === "f32") return Matrix.create(gpu, label, rows, cols);
  if (options.importance && options.importance.length !== cols) {
    throw new UsageError(
      `${label}: importance has ${options.importance.length} values, want one per column (${cols})`,
    );
  }
  if (format === "q8" || format === "q4") {
    const m = QuantMatrix.create(gpu, label, rows, cols, format, block);
    m.search = options.search ?? false;
    m.importance = options.importance ?? null;
    return m;
  }
  const m = BlockMatrix.create(gpu, label, rows, cols, format);
  m.importance = options.importance ?? null;
  return m;
}

/** The f32 values a weight matrix stands for [rows * cols], read back from the GPU (slow path). */
export async function readWeightMatrix(m: WeightMatrix): Promise<Float32Array> {
  const out = new Float32Array(m.rows * m.cols);
  if (m.format === "f32") {
    for (const c of m.chunks) out.set(await c.tensor.toArray(), c.rowStart * m.cols);
    return out;
  }
  if (m instanceof BlockMatrix) {
    for (const c of m.chunks) {
      out.set(dequantizeBlockRows(m.layout, await c.words.toArray()), c.rowStart * m.cols);
    }
    return out;
  }
  for (const c of m.chunks) {
    const words = await c.words.toArray();
    const pairs = await c.scales.toArray();
    const scales = new Uint16Array(pairs.buffer, pairs.byteOffset, pairs.length * 2);
    out.set(dequantizeRows({ words, scales }, m.layout), c.rowStart * m.cols);
  }
  return out;
}
