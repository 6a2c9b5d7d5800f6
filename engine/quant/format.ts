// Block-quantized weight layouts (the GGML Q8_0 / Q4_0 idea), shared by the
// host quantizer, the packed-random generator of the benchmarks, the CPU
// references and the WGSL kernels (which receive the same numbers as template
// values or params).
//
// A row of K weights is cut into blocks of `block` values along K (the input
// dimension); each block has one f16 scale d and integer codes q:
//   q8: w ~= d * q, q in [-127, 127], d = max|w| / 127; four codes per u32
//       (byte j of a word = element 4i + j, two's complement).
//   q4: w ~= d * (q - 8), q in [0, 15], d = -w* / 8 where w* is the element of
//       largest magnitude (it maps exactly to code 0, the full 16-level range);
//       eight codes per u32 (nibble j of a word = element 8i + j).
// A partial last block (K not a multiple of the block) is stored as a full
// block padded with the code for 0 (q8: 0, q4: 8); its scale comes from the
// real elements only. The packed row is therefore just the padded row in
// order: element k lives in word k / perWord, its scale is number k / block.
// Scales are f16 (half the bytes of f32; the error they add is < 2^-11
// relative, far below a code step), two per u32, each row starting on a word.

export type QuantFormat = "q8" | "q4";
/**
 * K-quant formats Loupe quantizes to, bit-identical to ggml's Q4_K / Q6_K
 * (engine/quant/kquant.ts), held in BlockMatrix (engine/quant/block_matrix.ts).
 */
export type KQuantFormat = "q4k" | "q6k";
export type MatrixFormat = "f32" | QuantFormat | KQuantFormat;

export const MATRIX_FORMATS: readonly MatrixFormat[] = ["f32", "q8", "q4", "q4k", "q6k"];

/** Throws unless `format` is a MatrixFormat; `what` names the option or argument. */
export function checkMatrixFormat(what: string, format: string): void {
  if (!(MATRIX_FORMATS as readonly string[]).includes(format)) {
    throw new Error(
      `${what}: unknown weight format "${format}"; expected ${
        MATRIX_FORMATS.map((f) => `"${f}"`).join(", ")
      }`,
    );
  }
}

/**
 * Block sizes the kernels are built for: multiples of 8 codes keep blocks
 * word-aligned in both formats, and 16 or 32 divides matmul_quant's 32-wide strips.
 */
export const BLOCK_SIZES = [16, 32, 64, 128] as const;
/** Per format, chosen by measured KL and speed (ARCHITECTURE.md, "Quantization"). */
export const DEFAULT_BLOCK: Readonly<Record<QuantFormat, number>> = { q8: 16, q4: 32 };

export interface QuantLayout {
  format: QuantFormat;
  /** Columns (input features) of the unpadded row. */
  cols: number;
  block: number;
  /** Codes per u32: 4 (q8) or 8 (q4). */
  perWord: number;
  blocksPerRow: number;
  wordsPerRow: number;
  /** f16 scales per row including the pad to a whole u32 (even). */
  scalesPerRow: number;
}

export function quantLayout(
  format: QuantFormat,
  cols: number,
  block = DEFAULT_BLOCK[format],
): QuantLayout {
  if (!(BLOCK_SIZES as readonly number[]).includes(block)) {
    throw new Error(`quant block size ${block} is not one of ${BLOCK_SIZES.join(", ")}`);
  }
  if (format !== "q8" && format !== "q4") {
    throw new Error(`unknown quant format "${format}"; expected "q8" or "q4"`);
  }
  const perWord = format === "q8" ? 4 : 8;
  const blocksPerRow = Math.ceil(cols / block);
  return {
    format,
    cols,
    block,
    perWord,
    blocksPerRow,
    wordsPerRow: blocksPerRow * block / perWord,
    scalesPerRow: 2 * Math.ceil(blocksPerRow / 2),
  };
}

/** Packed bytes of one row: codes plus scales. */
export function rowBytes(l: QuantLayout): number {
  return l.wordsPerRow * 4 + l.scalesPerRow * 2;
}

/** Packed rows: `words` [rows, wordsPerRow] u32, `scales` [rows, scalesPerRow] f16 bits. */
export interface PackedRows {
  words: Uint32Array<ArrayBuffer>;
  scales: Uint16Array<ArrayBuffer>;
}

const f16 = new Float16Array(1);
const f16Bits = new Uint16Array(f16.buffer);

function toF16(v: number): { bits: number; value: number } {
  f16[0] = v;
  return { bits: f16Bits[0], value: f16[0] };
}

/** One block's scale: max|w| / 127 (q8), or -w* / 8 for the signed extreme w* (q4). */
function blockScale(data: Float32Array, from: number, to: number, q8: boolean): number {
  let extreme = 0;
  for (let k = from; k < to; k++) {
    if (Math.abs(data[k]) > Math.abs(extreme)) extreme = data[k];
  }
  return q8 ? Math.abs(extreme) / 127 : -extreme / 8;
}

/** Quantizes whole rows of `data` ([rows, cols], row-major f32). */
export function quantizeRows(data: Float32Array, l: QuantLayout): PackedRows {
  const K = l.cols;
  if (data.length % K !== 0) {
    throw new Error(`quantizeRows: ${data.length} values are not whole rows of ${K}`);
  }
  const rows = data.length / K;
  const words = new Uint32Array(rows * l.wordsPerRow);
  const scales = new Uint16Array(rows * l.scalesPerRow);
  const q8 = l.format === "q8";
  for (let r = 0; r < rows; r++) {
    const row = r * K, wRow = r * l.wordsPerRow;
    for (let b = 0; b < l.blocksPerRow; b++) {
      const k0 = b * l.block, k1 = Math.min(K, k0 + l.block);
      const d0 = blockScale(data, row + k0, row + k1, q8);
      const { bits, value: d } = toF16(d0);
      scales[r * l.scalesPerRow + b] = bits;
      const inv = d === 0 ? 0 : 1 / d;
      // Padding codes (k >= K) stay at the code for zero.
      for (let k = k0; k < k0 + l.block; k++) {
        const v = k < k1 ? data[row + k] * inv : 0;
        const code = q8
          ? Math.max(-127, Math.min(127, Math.round(v))) & 0xff
          : Math.max(0, Math.min(15, Math.round(v) + 8));
        const shift = (k % l.perWord) * (q8 ? 8 : 4);
        words[wRow + Math.floor(k / l.perWord)] |= code << shift;
      }
    }
  }
  return { words, scales };
}

/** The f32 values packed rows stand for ([rows, cols]): the CPU reference of every kernel. */
export function dequantizeRows(p: PackedRows, l: QuantLayout): Float32Array {
  const rows = p.words.length / l.wordsPerRow, K = l.cols;
  const out = new Float32Array(rows * K);
  const half = new Float16Array(p.scales.buffer, p.scales.byteOffset, p.scales.length);
  const q8 = l.format === "q8";
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < K; k++) {
      const word = p.words[r * l.wordsPerRow + Math.floor(k / l.perWord)];
      const j = k % l.perWord;
      const q = q8 ? (word << (24 - 8 * j)) >> 24 : ((word >>> (4 * j)) & 15) - 8;
      out[r * K + k] = half[r * l.scalesPerRow + Math.floor(k / l.block)] * q;
    }
  }
  return out;
}

/**
 * Random packed rows, made directly in the packed format (no f32 copy): codes
 * uniform over the format's range, scales so that weights have roughly the
 * given RMS. For benchmarks of models too big to hold in f32 on the host.
 */
export function randomPackedRows(
  l: QuantLayout,
  rows: number,
  random: () => number,
  rms = 0.02,
): PackedRows {
  const words = new Uint32Array(rows * l.wordsPerRow);
  for (let i = 0; i < words.length; i++) words[i] = (random() * 0x100000000) >>> 0;
  // Uniform codes have RMS ~73.9 (q8, over [-128, 127]) or ~4.6 (q4, over [-8, 7]).
  const { bits } = toF16(rms / (l.format === "q8" ? 73.9 : 4.6));
  const scales = new Uint16Array(rows * l.scalesPerRow).fill(bits);
  return { words, scales };
}
