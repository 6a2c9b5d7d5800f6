// The GGUF header (llama.cpp's model file format, versions 2 and 3), parsed as
// untrusted input through a ByteReader: only the header is read, in windows
// of at most WINDOW_BYTES, never the whole file. Layout, all little-endian:
//   "GGUF", u32 version, u64 tensor_count, u64 kv_count,
//   kv_count x (string key, u32 value_type, value),
//   tensor_count x (string name, u32 n_dims, u64 ne[n_dims], u32 ggml_type, u64 offset),
//   padding to general.alignment (default 32), then the data section; each
//   tensor's offset is relative to it. A string is a u64 byte length + UTF-8.
// ne[0] is the fastest-varying dimension: a weight [rows, cols] in PyTorch's
// order is ne = [cols, rows].
//
// Every count, length and dimension is bounded before it sizes anything, and
// every tensor must lie inside the file (aligned, not overlapping another).

import { FormatError } from "../errors.ts";
import type { ByteReader } from "../platform/bytes.ts";
import { GGML_TYPE_BY_ID, ggmlRowBytes, type GgmlType } from "../quant/ggml.ts";

export const GGUF_MAGIC = "GGUF";
export const GGUF_VERSIONS = [2, 3] as const;
export const GGUF_DEFAULT_ALIGNMENT = 32;

/** Bounds far above any real file (a 405B Llama has ~1,140 tensors, ~40 keys). */
export const GGUF_LIMITS = {
  tensors: 1 << 16,
  keys: 1 << 16,
  /** Bytes of one string (a chat template is ~10 KB; a key name is short). */
  stringBytes: 1 << 24,
  /** Items of one metadata array (vocabularies are < 2^18, merges < 2^20). */
  arrayItems: 1 << 24,
  /** Bytes of the whole header (Llama 3's tokenizer makes ~10 MB). */
  headerBytes: 1 << 28,
  dims: 4,
  /** One dimension; numel must also stay a safe integer. */
  dim: 2 ** 40,
  alignment: 1 << 20,
} as const;

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** How much of the file one read takes while parsing the header. */
const WINDOW_BYTES = 1 << 20;

/** GGUF metadata value types by id (gguf.h's enum gguf_type). */
const VALUE_TYPES = [
  "uint8",
  "int8",
  "uint16",
  "int16",
  "uint32",
  "int32",
  "float32",
  "bool",
  "string",
  "array",
  "uint64",
  "int64",
  "float64",
] as const;
export type GgufValueType = typeof VALUE_TYPES[number];

/** Fixed sizes in bytes; strings take at least 8 (their length). */
const VALUE_BYTES: Record<GgufValueType, number> = {
  uint8: 1,
  int8: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  float32: 4,
  bool: 1,
  string: 8,
  array: 12,
  uint64: 8,
  int64: 8,
  float64: 8,
};

/** A metadata value as stored: scalars as numbers (64-bit integers as bigint), arrays typed. */
export type GgufValue =
  | { type: "string"; value: string }
  | { type: "bool"; value: boolean }
  | { type: "uint64" | "int64"; value: bigint }
  | {
    type: Exclude<GgufValueType, "string" | "bool" | "array" | "uint64" | "int64">;
    value: number;
  }
  | { type: "array"; itemType: Exclude<GgufValueType, "array">; value: GgufArrayValue };

/** Numeric arrays stay typed arrays (a vocabulary's scores are one Float32Array). */
export type GgufArrayValue =
  | string[]
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array
  | BigUint64Array
  | BigInt64Array;

/** ggml's type names by id, for messages about types Loupe does not read. */
const GGML_TYPE_NAMES: Record<number, string> = {
  0: "F32",
  1: "F16",
  2: "Q4_0",
  3: "Q4_1",
  6: "Q5_0",
  7: "Q5_1",
  8: "Q8_0",
  9: "Q8_1",
  10: "Q2_K",
  11: "Q3_K",
  12: "Q4_K",
  13: "Q5_K",
  14: "Q6_K",
  15: "Q8_K",
  16: "IQ2_XXS",
  17: "IQ2_XS",
  18: "IQ3_XXS",
  19: "IQ1_S",
  20: "IQ4_NL",
  21: "IQ3_S",
  22: "IQ2_S",
  23: "IQ4_XS",
  24: "I8",
  25: "I16",
  26: "I32",
  27: "I64",
  28: "F64",
  29: "IQ1_M",
  30: "BF16",
  34: "TQ1_0",
  35: "TQ2_0",
  39: "MXFP4",
};

/** One tensor as the header describes it. */
export interface GgufTensorInfo {
  name: string;
  /** ggml order: ne[0] is the fastest-varying (columns of a matrix). */
  ne: number[];
  type: GgmlType;
  /** Absolute byte offset of the data in the file. */
  offset: number;
  byteLength: number;
  /** Bytes of one ne[0]-long row. */
  rowBytes: number;
  /** Number of rows: the product of ne[1..]. */
  rows: number;
}

export interface GgufHeader {
  file: string;
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensorInfo[];
  alignment: number;
  /** Absolute offset of the data section. */
  dataStart: number;
}

/** Reads ahead through a ByteReader in windows; every read checks the file's end first. */
class Cursor {
  pos = 0;
  #buf = new Uint8Array(0);
  #view = new DataView(this.#buf.buffer);
  #start = 0;

  constructor(readonly reader: ByteReader) {}

  fail(message: string): never {
    throw new FormatError(this.reader.name, message);
  }

  /** Whether [pos, pos + n) is buffered. */
  has(n: number): boolean {
    return this.pos + n <= this.#start + this.#buf.length;
  }

  /** Buffers [pos, pos + n) or fails naming `what` when the file ends first. */
  async need(n: number, what: string): Promise<void> {
    if (this.has(n)) return;
    if (this.pos + n > this.reader.size) {
      this.fail(
        `truncated: ${what} at byte ${this.pos} needs ${n} bytes, but the file has ` +
          `${this.reader.size}`,
      );
    }
    if (this.pos + n > GGUF_LIMITS.headerBytes) {
      this.fail(`the header is larger than ${GGUF_LIMITS.headerBytes} bytes (${what})`);
    }
    const length = Math.min(Math.max(n, WINDOW_BYTES), this.reader.size - this.pos);
    this.#buf = await this.reader.read(this.pos, length);
    this.#view = new DataView(this.#buf.buffer, this.#buf.byteOffset, this.#buf.byteLength);
    this.#start = this.pos;
  }

  #at(n: number): number {
    const at = this.pos - this.#start;
    this.pos += n;
    return at;
  }
  u8 = () => this.#view.getUint8(this.#at(1));
  i8 = () => this.#view.getInt8(this.#at(1));
  u16 = () => this.#view.getUint16(this.#at(2), true);
  i16 = () => this.#view.getInt16(this.#at(2), true);
  u32 = () => this.#view.getUint32(this.#at(4), true);
  i32 = () => this.#view.getInt32(this.#at(4), true);
  f32 = () => this.#view.getFloat32(this.#at(4), true);
  f64 = () => this.#view.getFloat64(this.#at(8), true);
  u64 = () => this.#view.getBigUint64(this.#at(8), true);
  i64 = () => this.#view.getBigInt64(this.#at(8), true);
  bytes(n: number): Uint8Array {
    const at = this.#at(n);
    return this.#buf.subarray(at, at + n);
  }

  /** A u64 count or offset that must be at most `max`. */
  async count(what: string, max: number): Promise<number> {
    await this.need(8, what);
    const v = this.u64();
    if (v > BigInt(max)) this.fail(`${what} is ${v}, more than the limit of ${max}`);
    return Number(v);
  }

  async string(what: string): Promise<string> {
    const quick = this.bufferedString(() => what);
    if (quick !== undefined) return quick;
    const n = await this.count(`the length of ${what}`, GGUF_LIMITS.stringBytes);
    await this.need(n, what);
    return this.#decode(n, what);
  }

  /**
   * The string at pos when it is already buffered, else undefined with pos
   * unchanged: vocabularies hold 10^5 strings, and an await each cost ~3 us.
   */
  bufferedString(what: () => string): string | undefined {
    if (!this.has(8)) return undefined;
    const at = this.pos - this.#start;
    const high = this.#view.getUint32(at + 4, true), n = this.#view.getUint32(at, true);
    if (high !== 0 || n > GGUF_LIMITS.stringBytes || !this.has(8 + n)) return undefined;
    this.pos += 8;
    return this.#decode(n, what);
  }

  #decode(n: number, what: string | (() => string)): string {
    // Short ASCII strings (most of a vocabulary) skip TextDecoder's per-call cost.
    if (n <= 32) {
      const buf = this.#buf, start = this.pos - this.#start;
      let text = "", i = 0;
      for (; i < n && buf[start + i] < 0x80; i++) text += String.fromCharCode(buf[start + i]);
      if (i === n) {
        this.pos += n;
        return text;
      }
    }
    const bytes = this.bytes(n);
    try {
      return UTF8.decode(bytes);
    } catch {
      return this.fail(`${typeof what === "string" ? what : what()} is not valid UTF-8`);
    }
  }
}

async function readValueType(c: Cursor, what: string): Promise<GgufValueType> {
  await c.need(4, what);
  const id = c.u32();
  const type = VALUE_TYPES[id];
  if (type === undefined) c.fail(`${what}: unknown metadata value type ${id}`);
  return type;
}

async function readScalar(c: Cursor, type: GgufValueType, what: string): Promise<GgufValue> {
  if (type === "string") return { type, value: await c.string(what) };
  await c.need(VALUE_BYTES[type], what);
  switch (type) {
    case "bool": {
      const b = c.u8();
      if (b > 1) c.fail(`${what}: a bool must be 0 or 1, got ${b}`);
      return { type, value: b === 1 };
    }
    case "uint64":
      return { type, value: c.u64() };
    case "int64":
      return { type, value: c.i64() };
    case "uint8":
      return { type, value: c.u8() };
    case "int8":
      return { type, value: c.i8() };
    case "uint16":
      return { type, value: c.u16() };
    case "int16":
      return { type, value: c.i16() };
    case "uint32":
      return { type, value: c.u32() };
    case "int32":
      return { type, value: c.i32() };
    case "float32":
      return { type, value: c.f32() };
    case "float64":
      return { type, value: c.f64() };
    default:
      return c.fail(`${what}: nested arrays are not supported`);
  }
}

const TYPED_ARRAYS = {
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
  uint64: BigUint64Array,
  int64: BigInt64Array,
  bool: Uint8Array,
} as const;

async function readArray(c: Cursor, what: string): Promise<GgufValue> {
  const itemType = await readValueType(c, `${what}'s item type`);
  if (itemType === "array") c.fail(`${what}: nested arrays are not supported`);
  const n = await c.count(`${what}'s length`, GGUF_LIMITS.arrayItems);
  // Every item takes at least its fixed size: a length the file cannot hold fails before any allocation.
  if (c.pos + n * VALUE_BYTES[itemType] > c.reader.size) {
    c.fail(
      `${what} claims ${n} items of ${itemType}, more than the ${c.reader.size - c.pos} bytes ` +
        `left in the file`,
    );
  }
  if (itemType === "string") {
    const items: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      items[i] = c.bufferedString(() => `${what}[${i}]`) ?? await c.string(`${what}[${i}]`);
    }
    return { type: "array", itemType, value: items };
  }
  const size = VALUE_BYTES[itemType];
  await c.need(n * size, what);
  // Copied to a fresh aligned buffer; the window may sit at any offset.
  const bytes = c.bytes(n * size).slice();
  type Typed = new (buffer: ArrayBufferLike, offset: number, length: number) => GgufArrayValue;
  const value = new (TYPED_ARRAYS[itemType] as unknown as Typed)(bytes.buffer, 0, n);
  if (itemType === "bool" && (value as Uint8Array).some((b) => b > 1)) {
    c.fail(`${what}: bools must be 0 or 1`);
  }
  return { type: "array", itemType, value };
}

async function readTensorInfo(c: Cursor, index: number) {
  const name = await c.string(`tensor ${index}'s name`);
  const fail = (message: string): never => {
    throw new FormatError(c.reader.name, `tensor ${name}: ${message}`, { tensor: name });
  };
  await c.need(4, `tensor ${name}'s n_dims`);
  const nDims = c.u32();
  if (nDims < 1 || nDims > GGUF_LIMITS.dims) {
    fail(`n_dims is ${nDims}; expected 1..${GGUF_LIMITS.dims}`);
  }
  const ne: number[] = [];
  for (let d = 0; d < nDims; d++) {
    const v = await c.count(`tensor ${name}'s ne[${d}]`, GGUF_LIMITS.dim);
    if (v === 0) fail(`ne[${d}] is 0`);
    ne.push(v);
  }
  if (!Number.isSafeInteger(ne.reduce((a, b) => a * b, 1))) fail(`shape [${ne}] is too large`);
  await c.need(4, `tensor ${name}'s type`);
  const typeId = c.u32();
  const type = GGML_TYPE_BY_ID.get(typeId);
  if (type === undefined) {
    const known = GGML_TYPE_NAMES[typeId];
    fail(
      known
        ? `ggml type ${known} (id ${typeId}) is not supported; supported: ` +
          [...GGML_TYPE_BY_ID.values()].join(", ")
        : `unknown ggml type id ${typeId}`,
    );
  }
  const offset = await c.count(`tensor ${name}'s offset`, Number.MAX_SAFE_INTEGER);
  let rowBytes: number;
  try {
    rowBytes = ggmlRowBytes(type!, ne[0]);
  } catch (e) {
    return fail(`ne[0] = ${ne[0]} does not fit ${type}'s blocks: ${(e as Error).message}`);
  }
  const rows = ne.slice(1).reduce((a, b) => a * b, 1);
  return { name, ne, type: type!, relative: offset, rowBytes, rows, byteLength: rowBytes * rows };
}

/** Reads and checks a GGUF header; the data section is not read. */
export async function readGgufHeader(reader: ByteReader): Promise<GgufHeader> {
  const c = new Cursor(reader);
  await c.need(24, "the header (magic, version, counts)");
  const magic = new TextDecoder().decode(c.bytes(4));
  if (magic !== GGUF_MAGIC) {
    c.fail(`not a GGUF file: it starts with ${JSON.stringify(magic)}, not "GGUF"`);
  }
  const version = c.u32();
  if (!(GGUF_VERSIONS as readonly number[]).includes(version)) {
    // A big-endian file reads as a huge version here.
    c.fail(
      `GGUF version ${version} is not supported; supported: ${GGUF_VERSIONS.join(", ")} ` +
        `(little-endian)`,
    );
  }
  const tensorCount = await c.count("tensor_count", GGUF_LIMITS.tensors);
  const keyCount = await c.count("kv_count", GGUF_LIMITS.keys);

  const metadata = new Map<string, GgufValue>();
  for (let i = 0; i < keyCount; i++) {
    const key = await c.string(`metadata key ${i}`);
    if (metadata.has(key)) c.fail(`metadata key ${key} appears twice`);
    const type = await readValueType(c, `metadata ${key}`);
    const value = type === "array"
      ? await readArray(c, `metadata ${key}`)
      : await readScalar(c, type, `metadata ${key}`);
    metadata.set(key, value);
  }

  const infos = [];
  const names = new Set<string>();
  for (let i = 0; i < tensorCount; i++) {
    const info = await readTensorInfo(c, i);
    if (names.has(info.name)) c.fail(`tensor ${info.name} appears twice`);
    names.add(info.name);
    infos.push(info);
  }

  const alignValue = metadata.get("general.alignment");
  let alignment = GGUF_DEFAULT_ALIGNMENT;
  if (alignValue !== undefined) {
    const a = alignValue.type === "uint32" ? alignValue.value : NaN;
    if (!(a > 0 && a <= GGUF_LIMITS.alignment && (a & (a - 1)) === 0)) {
      c.fail(
        `general.alignment must be a uint32 power of two up to ${GGUF_LIMITS.alignment}, got ` +
          `${alignValue.type} ${String(alignValue.value)}`,
      );
    }
    alignment = a;
  }
  const dataStart = Math.ceil(c.pos / alignment) * alignment;
  const tensors = infos.map((t): GgufTensorInfo => ({
    name: t.name,
    ne: t.ne,
    type: t.type,
    offset: dataStart + t.relative,
    byteLength: t.byteLength,
    rowBytes: t.rowBytes,
    rows: t.rows,
  }));
  checkDataRanges(reader, tensors, infos.map((t) => t.relative), alignment, dataStart);
  return { file: reader.name, version, metadata, tensors, alignment, dataStart };
}

/** Each tensor aligned, inside the file, and not overlapping another. */
function checkDataRanges(
  reader: ByteReader,
  tensors: GgufTensorInfo[],
  relative: number[],
  alignment: number,
  dataStart: number,
) {
  const file = reader.name;
  tensors.forEach((t, i) => {
    const fail = (message: string): never => {
      throw new FormatError(file, `tensor ${t.name}: ${message}`, { tensor: t.name });
    };
    if (relative[i] % alignment !== 0) {
      fail(`data offset ${relative[i]} is not a multiple of the alignment ${alignment}`);
    }
    if (t.offset >= reader.size) {
      fail(
        `data offset ${relative[i]} (byte ${t.offset}) is beyond the end of the file ` +
          `(${reader.size} bytes)`,
      );
    }
    if (t.offset + t.byteLength > reader.size) {
      fail(
        `data [${t.offset}, ${t.offset + t.byteLength}) (${t.byteLength} bytes of ${t.type} ` +
          `[${t.ne}]) runs past the end of the file (${reader.size} bytes): the file is truncated`,
      );
    }
  });
  const sorted = [...tensors].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1], t = sorted[i];
    if (t.offset < prev.offset + prev.byteLength) {
      throw new FormatError(
        file,
        `tensor ${t.name}: data at byte ${t.offset} overlaps tensor ${prev.name} ` +
          `[${prev.offset}, ${prev.offset + prev.byteLength})`,
        { tensor: t.name },
      );
    }
  }
  if (sorted.length > 0 && sorted[0].offset < dataStart) {
    throw new FormatError(file, `tensor ${sorted[0].name}: data starts inside the header`);
  }
}

/** Whether the first bytes are GGUF's magic. */
export function isGgufMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new TextDecoder().decode(bytes.subarray(0, 4)) === GGUF_MAGIC;
}
