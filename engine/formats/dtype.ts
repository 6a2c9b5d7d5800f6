// safetensors element types and their exact conversion to f32. Every bf16 and
// f16 value (subnormals, infinities, NaN included) is exactly representable
// in f32, so the conversion loses nothing.

/** Bytes per element of every dtype the safetensors format defines. */
export const DTYPE_BYTES: Readonly<Record<string, number>> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U64: 8,
  U32: 4,
  U16: 2,
  U8: 1,
  BOOL: 1,
  F8_E4M3: 1,
  F8_E5M2: 1,
};

/** The dtypes read as f32 weights. */
export const FLOAT_DTYPES = ["F32", "F16", "BF16"] as const;
export type FloatDType = typeof FLOAT_DTYPES[number];

export function isFloatDType(dtype: string): dtype is FloatDType {
  return (FLOAT_DTYPES as readonly string[]).includes(dtype);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A typed-array view needs its byte offset aligned to the element size; the
 * readers return fresh arrays, so the copy here is rare.
 */
function aligned(bytes: Uint8Array, elementSize: number): Uint8Array<ArrayBuffer> {
  if (!LITTLE_ENDIAN) {
    throw new Error("this host is big-endian; safetensors data is little-endian and unsupported");
  }
  return bytes.byteOffset % elementSize === 0 && bytes.buffer instanceof ArrayBuffer
    ? bytes as Uint8Array<ArrayBuffer>
    : bytes.slice();
}

/** f16 bits -> value, by the IEEE 754 binary16 definition. */
export function f16BitsToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant === 0 ? sign * Infinity : NaN;
  return sign * (1024 + mant) * 2 ** (exp - 25);
}

let f16Table: Float32Array | null = null;

/** All 65,536 f16 values (256 KB), built on first use: a lookup beats bit twiddling per element. */
function f16Lookup(): Float32Array {
  if (!f16Table) {
    f16Table = new Float32Array(65536);
    for (let i = 0; i < 65536; i++) f16Table[i] = f16BitsToNumber(i);
  }
  return f16Table;
}

/**
 * Little-endian F32/F16/BF16 bytes -> Float32Array. When `bytes` spans a whole
 * aligned buffer the F32 result shares it (readers hand out fresh buffers, so
 * a tensor is not held twice).
 */
export function toFloat32(bytes: Uint8Array, dtype: FloatDType): Float32Array<ArrayBuffer> {
  if (dtype === "F32") {
    const src = aligned(bytes, 4);
    const view = new Float32Array(src.buffer, src.byteOffset, src.byteLength / 4);
    return src.byteLength === src.buffer.byteLength ? view : view.slice();
  }
  const src = aligned(bytes, 2);
  const halves = new Uint16Array(src.buffer, src.byteOffset, src.byteLength / 2);
  const out = new Float32Array(halves.length);
  if (dtype === "BF16") {
    // bf16 is the top half of an f32.
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < halves.length; i++) bits[i] = halves[i] << 16;
  } else {
    const table = f16Lookup();
    for (let i = 0; i < halves.length; i++) out[i] = table[halves[i]];
  }
  return out;
}

/** Little-endian I32 bytes -> Int32Array (sharing the buffer as toFloat32 does). */
export function toInt32(bytes: Uint8Array): Int32Array<ArrayBuffer> {
  const src = aligned(bytes, 4);
  const view = new Int32Array(src.buffer, src.byteOffset, src.byteLength / 4);
  return src.byteLength === src.buffer.byteLength ? view : view.slice();
}
