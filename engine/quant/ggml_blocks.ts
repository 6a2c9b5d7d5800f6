// GGML's tensor element types as llama.cpp stores them in GGUF files: block
// sizes, row bytes and the plain-TS dequantization that every kernel reading
// them is tested against. Written from the block structs of ggml-common.h and
// the dequantize_row_* functions of ggml-quants.c (all little-endian):
//
//   Q4_0 {f16 d; u8 qs[16]}                 w = d * (q - 8)
//   Q4_1 {f16 d, m; u8 qs[16]}              w = d * q + m
//   Q5_0 {f16 d; u8 qh[4]; u8 qs[16]}       w = d * (q - 16), q = nibble | bit << 4
//   Q5_1 {f16 d, m; u8 qh[4]; u8 qs[16]}    w = d * q + m
//   Q8_0 {f16 d; i8 qs[32]}                 w = d * q
//     In the 32-element blocks, byte j holds element j (low nibble) and element
//     j + 16 (high nibble); bit j of qh is the fifth bit of element j.
//   Q4_K {f16 d, dmin; u8 scales[12]; u8 qs[128]}            256 elements
//   Q5_K {f16 d, dmin; u8 scales[12]; u8 qh[32]; u8 qs[128]}
//     8 sub-blocks of 32, each with a 6-bit scale sc and 6-bit min m packed in
//     `scales` (kScaleMin); w = d * sc * q - dmin * m. Sub-blocks 2i and 2i+1
//     share qs[32i .. 32i+31] (low and high nibbles); Q5_K's fifth bit of
//     sub-block s, element l is bit s of qh[l].
//   Q6_K {u8 ql[128]; u8 qh[64]; i8 scales[16]; f16 d}       256 elements
//     Two halves of 128; in half h, element 32c + l (c = 0..3, l = 0..31) has
//     its low 4 bits in ql[64h + l + 32 (c & 1)] (low nibble for c < 2, high
//     for c >= 2), its high 2 bits at bit 2c of qh[32h + l], and the scale
//     scales[8h + 2c + l / 16]: w = d * scale * (q - 32).

import { FormatError } from "../errors.ts";

export type GgmlType =
  | "F32"
  | "F16"
  | "BF16"
  | "Q8_0"
  | "Q4_0"
  | "Q4_1"
  | "Q5_0"
  | "Q5_1"
  | "Q4_K"
  | "Q5_K"
  | "Q6_K";

/** ggml's enum numbers: F32 0, F16 1, Q4_0 2, Q4_1 3, Q5_0 6, Q5_1 7, Q8_0 8, Q4_K 12, Q5_K 13, Q6_K 14, BF16 30. */
export const GGML_TYPE_BY_ID: ReadonlyMap<number, GgmlType> = new Map<number, GgmlType>([
  [0, "F32"],
  [1, "F16"],
  [2, "Q4_0"],
  [3, "Q4_1"],
  [6, "Q5_0"],
  [7, "Q5_1"],
  [8, "Q8_0"],
  [12, "Q4_K"],
  [13, "Q5_K"],
  [14, "Q6_K"],
  [30, "BF16"],
]);

const BLOCKS: Readonly<Record<GgmlType, { elems: number; bytes: number }>> = {
  F32: { elems: 1, bytes: 4 },
  F16: { elems: 1, bytes: 2 },
  BF16: { elems: 1, bytes: 2 },
  Q8_0: { elems: 32, bytes: 34 },
  Q4_0: { elems: 32, bytes: 18 },
  Q4_1: { elems: 32, bytes: 20 },
  Q5_0: { elems: 32, bytes: 22 },
  Q5_1: { elems: 32, bytes: 24 },
  Q4_K: { elems: 256, bytes: 144 },
  Q5_K: { elems: 256, bytes: 176 },
  Q6_K: { elems: 256, bytes: 210 },
};

function checkType(type: string): asserts type is GgmlType {
  if (!Object.hasOwn(BLOCKS, type)) {
    throw new FormatError(
      "ggml",
      `unsupported tensor type "${type}"; supported: ${Object.keys(BLOCKS).join(", ")}`,
    );
  }
}

/** Elements and bytes of one block of `type` (1 element for the float types). */
export function ggmlBlock(type: GgmlType): { elems: number; bytes: number } {
  checkType(type);
  return { ...BLOCKS[type] };
}

/** Bytes of a row of `cols` elements; a FormatError unless cols is whole blocks. */
export function ggmlRowBytes(type: GgmlType, cols: number): number {
  const b = ggmlBlock(type);
  if (!Number.isInteger(cols) || cols < 0 || cols % b.elems !== 0) {
    throw new FormatError(
      "ggml",
      `a ${type} row must be a whole number of ${b.elems}-element blocks; got ${cols} columns`,
    );
  }
  return cols / b.elems * b.bytes;
}

const half = new Float16Array(1);
const halfBits = new Uint16Array(half.buffer);

/** The f16 number with bit pattern `bits`. */
export function f16Value(bits: number): number {
  halfBits[0] = bits;
  return half[0];
}

/** Bits of the f16 nearest `v` (round to nearest even). */
export function f16Bits(v: number): number {
  half[0] = v;
  return halfBits[0];
}

/** Q4_K / Q5_K: the 6-bit scale and min of sub-block j (0..7) from the 12 packed bytes at `at`. */
export function kScaleMin(b: Uint8Array, at: number, j: number): [number, number] {
  if (j < 4) return [b[at + j] & 63, b[at + j + 4] & 63];
  return [
    (b[at + j + 4] & 0xf) | ((b[at + j - 4] >> 6) << 4),
    (b[at + j + 4] >> 4) | ((b[at + j] >> 6) << 4),
  ];
}

/** Plain-TS reference: `count` values from bytes laid out exactly as ggml stores them. */
export function dequantizeGgml(type: GgmlType, bytes: Uint8Array, count: number): Float32Array {
  const { elems, bytes: per } = ggmlBlock(type);
  if (!Number.isInteger(count) || count < 0 || count % elems !== 0) {
    throw new FormatError("ggml", `${count} ${type} values are not whole ${elems}-element blocks`);
  }
  const need = count / elems * per;
  if (bytes.length < need) {
    throw new FormatError(
      "ggml",
      `${count} ${type} values need ${need} bytes, got ${bytes.length}`,
    );
  }
  const out = new Float32Array(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, need);
  // The float types in bulk (a model's F16 tensors are gigabytes): typed-array
  // views where the bytes are aligned, else element by element below.
  if (type === "F16" && bytes.byteOffset % 2 === 0) {
    out.set(new Float16Array(bytes.buffer, bytes.byteOffset, count));
    return out;
  }
  if (type === "F32" && bytes.byteOffset % 4 === 0) {
    out.set(new Float32Array(bytes.buffer, bytes.byteOffset, count));
    return out;
  }
  if (type === "BF16" && bytes.byteOffset % 2 === 0) {
    const hi = new Uint16Array(bytes.buffer, bytes.byteOffset, count);
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < count; i++) bits[i] = hi[i] << 16;
    return out;
  }
  const f16 = (at: number) => f16Value(view.getUint16(at, true));
  const blocks = count / elems;
  for (let i = 0; i < blocks; i++) {
    const o = i * per, y = i * elems;
    switch (type) {
      case "F32":
        out[y] = view.getFloat32(o, true);
        break;
      case "F16":
        out[y] = f16(o);
        break;
      case "BF16":
        out[y] = new Float32Array(new Uint32Array([view.getUint16(o, true) << 16]).buffer)[0];
        break;
      case "Q8_0": {
        const d = f16(o);
        for (let j = 0; j < 32; j++) out[y + j] = d * view.getInt8(o + 2 + j);
        break;
      }
      case "Q4_0":
      case "Q4_1": {
        const one = type === "Q4_1";
        const d = f16(o), m = one ? f16(o + 2) : 0, qs = o + (one ? 4 : 2);
        for (let j = 0; j < 16; j++) {
          const q = bytes[qs + j];
          out[y + j] = one ? d * (q & 15) + m : d * ((q & 15) - 8);
          out[y + j + 16] = one ? d * (q >> 4) + m : d * ((q >> 4) - 8);
        }
        break;
      }
      case "Q5_0":
      case "Q5_1": {
        const one = type === "Q5_1";
        const d = f16(o), m = one ? f16(o + 2) : 0, hAt = o + (one ? 4 : 2);
        const qh = view.getUint32(hAt, true), qs = hAt + 4;
        for (let j = 0; j < 16; j++) {
          const q0 = (bytes[qs + j] & 15) | (((qh >>> j) & 1) << 4);
          const q1 = (bytes[qs + j] >> 4) | (((qh >>> (j + 16)) & 1) << 4);
          out[y + j] = one ? d * q0 + m : d * (q0 - 16);
          out[y + j + 16] = one ? d * q1 + m : d * (q1 - 16);
        }
        break;
      }
      case "Q4_K":
      case "Q5_K": {
        const five = type === "Q5_K";
        const d = f16(o), dmin = f16(o + 2);
        const qh = o + 16, qs = o + (five ? 48 : 16);
        for (let s = 0; s < 8; s++) {
          const [sc, m] = kScaleMin(bytes, o + 4, s);
          const a = d * sc, c = dmin * m;
          const at = qs + 32 * (s >> 1), shift = 4 * (s & 1);
          for (let l = 0; l < 32; l++) {
            let q = (bytes[at + l] >> shift) & 15;
            if (five) q |= ((bytes[qh + l] >> s) & 1) << 4;
            out[y + 32 * s + l] = a * q - c;
          }
        }
        break;
      }
      case "Q6_K": {
        const d = f16(o + 208);
        for (let h = 0; h < 2; h++) {
          for (let c = 0; c < 4; c++) {
            for (let l = 0; l < 32; l++) {
              const lo = (bytes[o + 64 * h + l + 32 * (c & 1)] >> (c < 2 ? 0 : 4)) & 15;
              const hi = (bytes[o + 128 + 32 * h + l] >> (2 * c)) & 3;
              const scale = view.getInt8(o + 192 + 8 * h + 2 * c + (l >> 4));
              out[y + 128 * h + 32 * c + l] = d * scale * ((lo | (hi << 4)) - 32);
            }
          }
        }
        break;
      }
    }
  }
  return out;
}
