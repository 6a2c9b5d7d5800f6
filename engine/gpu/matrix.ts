// A weight matrix [rows, cols] (rows = output features, cols = input features,
// the PyTorch nn.Linear layout) stored as one or more row chunks, each in its own
// buffer small enough for one storage binding. A 70B model's embedding is over
// 1 GiB even at 4 bits; WebGPU binds 128 MiB on many adapters.

import type { Gpu } from "./gpu.ts";
import { Tensor } from "./tensor.ts";

export interface MatrixChunk {
  /** First row of the whole matrix held by this chunk. */
  rowStart: number;
  /** [rowsInChunk, cols], f32. */
  tensor: Tensor<"f32">;
}

/**
 * An f32 weight matrix [rows, cols] on one device, stored as row chunks that
 * each fit one storage binding. Kernels (linear) read it; users get it from a
 * loaded model (e.g. the lm_head) and pass it on.
 */
export class Matrix {
  /** Device format; quantized matrices are QuantMatrix (engine/quant/matrix.ts). */
  readonly format = "f32" as const;
  /** The device holding it. */
  readonly gpu: Gpu;
  /** GPU label prefix. */
  readonly label: string;
  /** Output features. */
  readonly rows: number;
  /** Input features. */
  readonly cols: number;
  /**
   * Row chunks, each one binding.
   * @ignore
   */
  readonly chunks: readonly MatrixChunk[];

  private constructor(gpu: Gpu, label: string, rows: number, cols: number, chunks: MatrixChunk[]) {
    this.gpu = gpu;
    this.label = label;
    this.rows = rows;
    this.cols = cols;
    this.chunks = chunks;
  }

  /** Rows per chunk so that a chunk fits one binding on this device. */
  static rowsPerChunk(gpu: Gpu, cols: number): number {
    const rows = Math.floor(gpu.maxBindingBytes / (cols * 4));
    if (rows < 1) {
      throw new Error(
        `a row of ${cols} f32 values (${
          cols * 4
        } bytes) exceeds one binding (${gpu.maxBindingBytes} bytes)`,
      );
    }
    return rows;
  }

  /** Allocates a zero matrix split into binding-sized row chunks; fill it with `writeRows`. */
  static create(gpu: Gpu, label: string, rows: number, cols: number): Matrix {
    const per = Matrix.rowsPerChunk(gpu, cols);
    const chunks: MatrixChunk[] = [];
    try {
      for (let start = 0; start < rows; start += per) {
        const n = Math.min(per, rows - start);
        const name = rows > per ? `${label}[${start}:${start + n}]` : label;
        chunks.push({ rowStart: start, tensor: Tensor.empty(gpu, name, [n, cols], "f32") });
      }
    } catch (e) {
      for (const c of chunks) c.tensor.dispose();
      throw e;
    }
    return new Matrix(gpu, label, rows, cols, chunks);
  }

  /** Copies data [rows * cols], row-major, to a new matrix on gpu. */
  static upload(gpu: Gpu, label: string, data: Float32Array, rows: number, cols: number): Matrix {
    if (data.length !== rows * cols) {
      throw new Error(`${label}: ${data.length} values do not fill [${rows}, ${cols}]`);
    }
    const m = Matrix.create(gpu, label, rows, cols);
    m.writeRows(0, data);
    return m;
  }

  /** Writes consecutive full rows starting at `rowStart` (may span chunks). */
  writeRows(rowStart: number, data: Float32Array): void {
    if (data.length % this.cols !== 0) {
      throw new Error(`${this.label}: ${data.length} values are not whole rows of ${this.cols}`);
    }
    const count = data.length / this.cols;
    if (rowStart < 0 || rowStart + count > this.rows) {
      throw new Error(
        `${this.label}: rows [${rowStart}, ${rowStart + count}) outside [0, ${this.rows})`,
      );
    }
    for (const c of this.chunks) {
      const cEnd = c.rowStart + c.tensor.shape[0];
      const from = Math.max(rowStart, c.rowStart), to = Math.min(rowStart + count, cEnd);
      if (from >= to) continue;
      const part = data.subarray((from - rowStart) * this.cols, (to - rowStart) * this.cols);
      this.gpu.write(c.tensor.buffer, part, (from - c.rowStart) * this.cols * 4);
    }
  }

  /** Bytes on the device. */
  get byteLength(): number {
    return this.rows * this.cols * 4;
  }

  /** Frees its buffers. */
  dispose(): void {
    for (const c of this.chunks) c.tensor.dispose();
  }
}
