// The shared contract for GGML block types (issue 14): the type table and
// plain-TS references (ggml_blocks.ts), and weight matrices that keep a GGUF
// tensor's rows as stored. Nothing is re-quantized: F32/F16/BF16 widen
// exactly to an f32 Matrix; Q8_0 and Q4_0 repack exactly into the q8/q4
// layouts with blocks of 32 (same f16 scale, same codes, only their order in
// the words differs); Q4_1, Q5_0, Q5_1, Q4_K, Q5_K and Q6_K keep ggml's bytes
// in a BlockMatrix read by their own kernels.

import type { Gpu } from "../gpu/gpu.ts";
import { Matrix } from "../gpu/matrix.ts";
import { FormatError } from "../errors.ts";
import { type BlockFormat, BlockMatrix } from "./block_matrix.ts";
import { quantLayout } from "./format.ts";
import { dequantizeGgml, ggmlRowBytes, type GgmlType } from "./ggml_blocks.ts";
import { QuantMatrix, type WeightMatrix } from "./matrix.ts";

export {
  dequantizeGgml,
  f16Bits,
  f16Value,
  GGML_TYPE_BY_ID,
  ggmlBlock,
  ggmlRowBytes,
  type GgmlType,
  kScaleMin,
} from "./ggml_blocks.ts";

/** Writes whole rows of a GGUF tensor, in ggml's layout, into its device matrix. */
export interface StoredMatrixWriter {
  readonly matrix: WeightMatrix;
  writeRows(rowStart: number, bytes: Uint8Array): void;
}

/** The BlockMatrix format that keeps each block type's bytes. */
const BLOCK_OF: Partial<Record<GgmlType, BlockFormat>> = {
  Q4_1: "q4_1",
  Q5_0: "q5_0",
  Q5_1: "q5_1",
  Q4_K: "q4k",
  Q5_K: "q5k",
  Q6_K: "q6k",
};

/**
 * A zero weight matrix [rows, cols] on gpu that keeps rows of `type` as stored
 * (no re-quantization): F32/F16/BF16 widen exactly to an f32 Matrix; Q8_0 and
 * Q4_0 repack exactly into the existing q8/q4 block-32 layouts; the others
 * live in block-format matrices read by their own kernels.
 */
export function createStoredMatrix(
  gpu: Gpu,
  label: string,
  rows: number,
  cols: number,
  type: GgmlType,
): StoredMatrixWriter {
  const rowBytes = ggmlRowBytes(type, cols);
  const rowsOf = (bytes: Uint8Array, rowStart: number, total: number): number => {
    const n = bytes.length / rowBytes;
    if (!Number.isInteger(n) || rowStart < 0 || rowStart + n > total) {
      throw new FormatError(
        label,
        `${bytes.length} bytes at row ${rowStart} are not whole ${type} rows of ${rowBytes} bytes ` +
          `within [0, ${total})`,
        { tensor: label },
      );
    }
    return n;
  };
  const block = BLOCK_OF[type];
  if (block) {
    const m = BlockMatrix.create(gpu, label, rows, cols, block);
    return {
      matrix: m,
      writeRows: (rowStart, bytes) => {
        rowsOf(bytes, rowStart, rows);
        m.writeBlocks(rowStart, bytes);
      },
    };
  }
  if (type === "F32" || type === "F16" || type === "BF16") {
    const m = Matrix.create(gpu, label, rows, cols);
    return {
      matrix: m,
      writeRows: (rowStart, bytes) => {
        const n = rowsOf(bytes, rowStart, rows);
        m.writeRows(rowStart, dequantizeGgml(type, bytes, n * cols));
      },
    };
  }
  const format = type === "Q8_0" ? "q8" : "q4";
  const m = QuantMatrix.create(gpu, label, rows, cols, format, 32);
  const l = quantLayout(format, cols, 32);
  return {
    matrix: m,
    writeRows: (rowStart, bytes) => {
      const n = rowsOf(bytes, rowStart, rows);
      const words = new Uint32Array(n * l.wordsPerRow);
      const scales = new Uint16Array(n * l.scalesPerRow);
      const codes = new Uint8Array(words.buffer);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const per = format === "q8" ? 34 : 18;
      for (let r = 0; r < n; r++) {
        for (let b = 0; b < l.blocksPerRow; b++) {
          const at = r * rowBytes + b * per, out = (r * l.wordsPerRow + b * (32 / l.perWord)) * 4;
          scales[r * l.scalesPerRow + b] = view.getUint16(at, true);
          if (format === "q8") {
            // Byte j of word i is element 4i + j, two's complement: ggml's order.
            codes.set(bytes.subarray(at + 2, at + 34), out);
          } else {
            // Nibble j of word i is element 8i + j; ggml's byte j holds elements
            // j (low nibble) and j + 16 (high nibble).
            for (let e = 0; e < 32; e += 2) {
              const lo = e < 16 ? bytes[at + 2 + e] & 15 : bytes[at + 2 + e - 16] >> 4;
              const hi = e < 16 ? bytes[at + 3 + e] & 15 : bytes[at + 3 + e - 16] >> 4;
              codes[out + e / 2] = lo | (hi << 4);
            }
          }
        }
      }
      m.writePacked(rowStart, { words, scales });
    },
  };
}
