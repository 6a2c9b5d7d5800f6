// A minimal GGUF (v3) reader and writer for tests and fixture builds. It is
// deliberately independent of the engine's GGUF loader so that fixtures made
// with it cross-check that loader rather than share its bugs. It keeps
// metadata values as raw bytes (so a key can be copied from one file to
// another unchanged) and decodes only the scalar and string values tests need.

const MAGIC = 0x46554747; // "GGUF" read as a little-endian u32
const DEFAULT_ALIGNMENT = 32;

/** GGUF metadata value types (gguf.h's enum gguf_type). */
export const GGUF_VALUE = {
  U8: 0,
  I8: 1,
  U16: 2,
  I16: 3,
  U32: 4,
  I32: 5,
  F32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  U64: 10,
  I64: 11,
  F64: 12,
} as const;

const SCALAR_BYTES: Record<number, number> = {
  0: 1,
  1: 1,
  2: 2,
  3: 2,
  4: 4,
  5: 4,
  6: 4,
  7: 1,
  10: 8,
  11: 8,
  12: 8,
};

/** One metadata entry: its value type and the value's bytes exactly as stored. */
export interface GgufKv {
  key: string;
  type: number;
  raw: Uint8Array;
}

export interface GgufTensorInfo {
  name: string;
  /** ggml order: dims[0] is the row length (contiguous), as stored in the file. */
  dims: number[];
  /** ggml type id (0 F32, 8 Q8_0, 12 Q4_K, ...). */
  type: number;
  /** Offset from the start of the data section. */
  offset: number;
}

export interface GgufFile {
  version: number;
  kv: GgufKv[];
  tensors: GgufTensorInfo[];
  /** Absolute offset of the data section. */
  dataOffset: number;
  alignment: number;
}

class Cursor {
  at = 0;
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number): void {
    if (this.at + n > this.bytes.length) {
      throw new Error(
        `GGUF: truncated at byte ${this.at} (needs ${n} more of ${this.bytes.length})`,
      );
    }
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.at, true);
    this.at += 4;
    return v;
  }
  u64(): number {
    this.need(8);
    const v = this.view.getBigUint64(this.at, true);
    this.at += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`GGUF: u64 ${v} too large`);
    return Number(v);
  }
  string(): string {
    const n = this.u64();
    this.need(n);
    const s = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }
  skipValue(type: number): void {
    if (type === GGUF_VALUE.STRING) {
      const n = this.u64();
      this.need(n);
      this.at += n;
    } else if (type === GGUF_VALUE.ARRAY) {
      const itemType = this.u32();
      const count = this.u64();
      if (itemType in SCALAR_BYTES) {
        this.need(count * SCALAR_BYTES[itemType]);
        this.at += count * SCALAR_BYTES[itemType];
      } else {
        for (let i = 0; i < count; i++) this.skipValue(itemType);
      }
    } else if (type in SCALAR_BYTES) {
      this.need(SCALAR_BYTES[type]);
      this.at += SCALAR_BYTES[type];
    } else {
      throw new Error(`GGUF: unknown value type ${type} at byte ${this.at}`);
    }
  }
}

/** Parses the header, metadata and tensor infos (not the tensor data). */
export function readGguf(bytes: Uint8Array): GgufFile {
  const c = new Cursor(bytes);
  if (c.u32() !== MAGIC) throw new Error("GGUF: bad magic");
  const version = c.u32();
  if (version !== 3) throw new Error(`GGUF: version ${version}, this reader handles 3`);
  const nTensors = c.u64();
  const nKv = c.u64();
  const kv: GgufKv[] = [];
  for (let i = 0; i < nKv; i++) {
    const key = c.string();
    const type = c.u32();
    const start = c.at;
    c.skipValue(type);
    kv.push({ key, type, raw: bytes.slice(start, c.at) });
  }
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0; i < nTensors; i++) {
    const name = c.string();
    const nDims = c.u32();
    const dims: number[] = [];
    for (let d = 0; d < nDims; d++) dims.push(c.u64());
    tensors.push({ name, dims, type: c.u32(), offset: c.u64() });
  }
  const alignKv = kv.find((e) => e.key === "general.alignment");
  const alignment = alignKv ? kvNumber(alignKv) : DEFAULT_ALIGNMENT;
  const dataOffset = Math.ceil(c.at / alignment) * alignment;
  return { version, kv, tensors, dataOffset, alignment };
}

/** A scalar metadata value as a number (throws for strings and arrays). */
export function kvNumber(e: GgufKv): number {
  const v = new DataView(e.raw.buffer, e.raw.byteOffset, e.raw.byteLength);
  switch (e.type) {
    case GGUF_VALUE.U8:
    case GGUF_VALUE.BOOL:
      return v.getUint8(0);
    case GGUF_VALUE.I8:
      return v.getInt8(0);
    case GGUF_VALUE.U16:
      return v.getUint16(0, true);
    case GGUF_VALUE.I16:
      return v.getInt16(0, true);
    case GGUF_VALUE.U32:
      return v.getUint32(0, true);
    case GGUF_VALUE.I32:
      return v.getInt32(0, true);
    case GGUF_VALUE.F32:
      return v.getFloat32(0, true);
    case GGUF_VALUE.U64:
      return Number(v.getBigUint64(0, true));
    case GGUF_VALUE.I64:
      return Number(v.getBigInt64(0, true));
    case GGUF_VALUE.F64:
      return v.getFloat64(0, true);
  }
  throw new Error(`GGUF: ${e.key} has value type ${e.type}, not a number`);
}

/** A string metadata value. */
export function kvString(e: GgufKv): string {
  if (e.type !== GGUF_VALUE.STRING) throw new Error(`GGUF: ${e.key} is not a string`);
  return new TextDecoder().decode(e.raw.subarray(8));
}

function encodeString(s: string): Uint8Array {
  const text = new TextEncoder().encode(s);
  const out = new Uint8Array(8 + text.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(text.length), true);
  out.set(text, 8);
  return out;
}

/** Metadata entries for the writer, encoded from plain values. */
export const kvOf = {
  string: (key: string, value: string): GgufKv => ({
    key,
    type: GGUF_VALUE.STRING,
    raw: encodeString(value),
  }),
  u32: (key: string, value: number): GgufKv => {
    const raw = new Uint8Array(4);
    new DataView(raw.buffer).setUint32(0, value, true);
    return { key, type: GGUF_VALUE.U32, raw };
  },
  f32: (key: string, value: number): GgufKv => {
    const raw = new Uint8Array(4);
    new DataView(raw.buffer).setFloat32(0, value, true);
    return { key, type: GGUF_VALUE.F32, raw };
  },
};

export interface GgufTensorToWrite {
  name: string;
  /** ggml order: dims[0] is the row length. */
  dims: readonly number[];
  /** Only F32 (type 0): the writer is for synthetic full-precision models. */
  data: Float32Array;
}

/** A GGUF v3 file with the given metadata and F32 tensors, each 32-byte aligned. */
export function writeGguf(
  kv: readonly GgufKv[],
  tensors: readonly GgufTensorToWrite[],
): Uint8Array {
  const parts: Uint8Array[] = [];
  const head = new Uint8Array(24);
  const hv = new DataView(head.buffer);
  hv.setUint32(0, MAGIC, true);
  hv.setUint32(4, 3, true);
  hv.setBigUint64(8, BigInt(tensors.length), true);
  hv.setBigUint64(16, BigInt(kv.length), true);
  parts.push(head);
  for (const e of kv) {
    parts.push(encodeString(e.key));
    const t = new Uint8Array(4);
    new DataView(t.buffer).setUint32(0, e.type, true);
    parts.push(t, e.raw);
  }
  let offset = 0;
  const offsets: number[] = [];
  for (const t of tensors) {
    const count = t.dims.reduce((a, b) => a * b, 1);
    if (count !== t.data.length) {
      throw new Error(`writeGguf: ${t.name}: dims ${t.dims} do not hold ${t.data.length} values`);
    }
    parts.push(encodeString(t.name));
    const info = new Uint8Array(4 + 8 * t.dims.length + 4 + 8);
    const iv = new DataView(info.buffer);
    iv.setUint32(0, t.dims.length, true);
    t.dims.forEach((d, i) => iv.setBigUint64(4 + 8 * i, BigInt(d), true));
    iv.setUint32(4 + 8 * t.dims.length, 0, true); // GGML_TYPE_F32
    iv.setBigUint64(8 + 8 * t.dims.length, BigInt(offset), true);
    parts.push(info);
    offsets.push(offset);
    offset = Math.ceil((offset + t.data.byteLength) / DEFAULT_ALIGNMENT) * DEFAULT_ALIGNMENT;
  }
  const headerBytes = parts.reduce((n, p) => n + p.length, 0);
  const dataOffset = Math.ceil(headerBytes / DEFAULT_ALIGNMENT) * DEFAULT_ALIGNMENT;
  const out = new Uint8Array(dataOffset + offset);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  tensors.forEach((t, i) => {
    out.set(
      new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength),
      dataOffset + offsets[i],
    );
  });
  return out;
}
