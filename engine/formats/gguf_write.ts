// A small GGUF writer (version 3, little-endian): metadata values of every
// type and tensors given as raw bytes in ggml's layout. Used by tests (bad
// files, synthetic fixtures) and fixture scripts; the loader never writes.
//
//   writeGguf({
//     metadata: { "general.architecture": gguf.string("llama"), "llama.block_count": gguf.u32(2) },
//     tensors: [{ name: "token_embd.weight", type: "F32", ne: [cols, rows], data: bytes }],
//   })

import type { GgufArrayValue, GgufValue } from "./gguf_header.ts";
import { GGML_TYPE_BY_ID, ggmlRowBytes, type GgmlType } from "../quant/ggml.ts";

export interface GgufTensorToWrite {
  name: string;
  type: GgmlType;
  /** ggml order: ne[0] = columns (fastest), ne[1] = rows. */
  ne: number[];
  /** Exactly the tensor's bytes in ggml's layout (F32: little-endian floats). */
  data: Uint8Array;
}

export interface GgufToWrite {
  metadata: Record<string, GgufValue> | Map<string, GgufValue>;
  tensors: GgufTensorToWrite[];
  /** Data alignment; written as general.alignment when not 32. */
  alignment?: number;
  /** Header version field (default 3); tests write others to check refusals. */
  version?: number;
}

/** Constructors for metadata values. */
export const gguf = {
  u8: (value: number): GgufValue => ({ type: "uint8", value }),
  u32: (value: number): GgufValue => ({ type: "uint32", value }),
  i32: (value: number): GgufValue => ({ type: "int32", value }),
  u64: (value: number | bigint): GgufValue => ({ type: "uint64", value: BigInt(value) }),
  f32: (value: number): GgufValue => ({ type: "float32", value }),
  f64: (value: number): GgufValue => ({ type: "float64", value }),
  bool: (value: boolean): GgufValue => ({ type: "bool", value }),
  string: (value: string): GgufValue => ({ type: "string", value }),
  strings: (value: string[]): GgufValue => ({ type: "array", itemType: "string", value }),
  f32s: (value: ArrayLike<number>): GgufValue => ({
    type: "array",
    itemType: "float32",
    value: Float32Array.from(value),
  }),
  i32s: (value: ArrayLike<number>): GgufValue => ({
    type: "array",
    itemType: "int32",
    value: Int32Array.from(value),
  }),
};

const TYPE_IDS: Record<string, number> = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
};

const GGML_IDS = new Map([...GGML_TYPE_BY_ID].map(([id, type]) => [type, id]));

/** Appends little-endian values to a growing byte list. */
class Bytes {
  parts: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array) {
    this.parts.push(b);
    this.length += b.length;
  }
  #num(size: number, set: (v: DataView) => void) {
    const b = new Uint8Array(size);
    set(new DataView(b.buffer));
    this.push(b);
  }
  u32 = (v: number) => this.#num(4, (d) => d.setUint32(0, v, true));
  u64 = (v: number | bigint) => this.#num(8, (d) => d.setBigUint64(0, BigInt(v), true));
  string(s: string) {
    const b = new TextEncoder().encode(s);
    this.u64(b.length);
    this.push(b);
  }
  scalar(type: string, v: unknown) {
    const n = v as number;
    switch (type) {
      case "string":
        return this.string(v as string);
      case "bool":
        return this.push(new Uint8Array([v ? 1 : 0]));
      case "uint8":
        return this.push(new Uint8Array([n]));
      case "int8":
        return this.#num(1, (d) => d.setInt8(0, n));
      case "uint16":
        return this.#num(2, (d) => d.setUint16(0, n, true));
      case "int16":
        return this.#num(2, (d) => d.setInt16(0, n, true));
      case "uint32":
        return this.u32(n);
      case "int32":
        return this.#num(4, (d) => d.setInt32(0, n, true));
      case "float32":
        return this.#num(4, (d) => d.setFloat32(0, n, true));
      case "float64":
        return this.#num(8, (d) => d.setFloat64(0, n, true));
      case "uint64":
        return this.u64(v as bigint);
      case "int64":
        return this.#num(8, (d) => d.setBigInt64(0, BigInt(v as bigint), true));
    }
    throw new Error(`writeGguf: unknown value type ${type}`);
  }
  value(v: GgufValue) {
    this.u32(TYPE_IDS[v.type]);
    if (v.type !== "array") return this.scalar(v.type, v.value);
    this.u32(TYPE_IDS[v.itemType]);
    const items = v.value as GgufArrayValue;
    this.u64(items.length);
    for (let i = 0; i < items.length; i++) this.scalar(v.itemType, items[i]);
  }
  pad(alignment: number) {
    const n = (alignment - (this.length % alignment)) % alignment;
    if (n > 0) this.push(new Uint8Array(n));
  }
  concat(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.length);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

/** The bytes of a GGUF file holding `metadata` and `tensors` (in order, each aligned). */
export function writeGguf(file: GgufToWrite): Uint8Array<ArrayBuffer> {
  const alignment = file.alignment ?? 32;
  const metadata = new Map(
    file.metadata instanceof Map ? file.metadata : Object.entries(file.metadata),
  );
  if (alignment !== 32) metadata.set("general.alignment", gguf.u32(alignment));
  const out = new Bytes();
  out.push(new TextEncoder().encode("GGUF"));
  out.u32(file.version ?? 3);
  out.u64(file.tensors.length);
  out.u64(metadata.size);
  for (const [key, value] of metadata) {
    out.string(key);
    out.value(value);
  }
  let offset = 0;
  for (const t of file.tensors) {
    const id = GGML_IDS.get(t.type);
    if (id === undefined) throw new Error(`writeGguf: tensor ${t.name}: unknown type ${t.type}`);
    const bytes = ggmlRowBytes(t.type, t.ne[0]) * t.ne.slice(1).reduce((a, b) => a * b, 1);
    if (bytes !== t.data.length) {
      throw new Error(
        `writeGguf: tensor ${t.name} ${t.type} [${t.ne}] needs ${bytes} bytes, got ${t.data.length}`,
      );
    }
    out.string(t.name);
    out.u32(t.ne.length);
    for (const n of t.ne) out.u64(n);
    out.u32(id);
    out.u64(offset);
    offset += Math.ceil(bytes / alignment) * alignment;
  }
  out.pad(alignment);
  for (const t of file.tensors) {
    out.push(t.data);
    out.pad(alignment);
  }
  return out.concat();
}

/** F32 values as the bytes of a ggml F32 tensor. */
export function f32Bytes(values: ArrayLike<number>): Uint8Array<ArrayBuffer> {
  const f = Float32Array.from(values);
  return new Uint8Array(f.buffer);
}
