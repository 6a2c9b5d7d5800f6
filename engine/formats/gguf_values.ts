// GGUF's value encoding, read as untrusted input: a Cursor that reads a
// ByteReader ahead in windows of WINDOW_BYTES (never the whole file) and
// checks the file's end before every read, and the metadata values (scalars,
// strings, arrays of either) with their bounds. gguf_header.ts reads the
// header's structure with it.

import { FormatError } from "../errors.ts";
import type { ByteReader } from "../platform/bytes.ts";

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

/** Reads ahead through a ByteReader in windows; every read checks the file's end first. */
export class Cursor {
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

export async function readValueType(c: Cursor, what: string): Promise<GgufValueType> {
  await c.need(4, what);
  const id = c.u32();
  const type = VALUE_TYPES[id];
  if (type === undefined) c.fail(`${what}: unknown metadata value type ${id}`);
  return type;
}

export async function readScalar(c: Cursor, type: GgufValueType, what: string): Promise<GgufValue> {
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

export async function readArray(c: Cursor, what: string): Promise<GgufValue> {
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
