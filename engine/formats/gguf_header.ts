// The GGUF header (llama.cpp's model file format, versions 2 and 3), parsed as
// untrusted input through a ByteReader: only the header is read, in windows
// (gguf_values.ts' Cursor), never the whole file. Layout, all little-endian:
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
import {
  Cursor,
  GGUF_LIMITS,
  type GgufValue,
  readArray,
  readScalar,
  readValueType,
} from "./gguf_values.ts";

export { GGUF_LIMITS } from "./gguf_values.ts";
export type { GgufArrayValue, GgufValue, GgufValueType } from "./gguf_values.ts";

export const GGUF_MAGIC = "GGUF";
export const GGUF_VERSIONS = [2, 3] as const;
export const GGUF_DEFAULT_ALIGNMENT = 32;

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
  const swapped = ((version & 0xff) << 24 | (version & 0xff00) << 8 | (version >>> 8) & 0xff00 |
    version >>> 24) >>> 0;
  if ((GGUF_VERSIONS as readonly number[]).includes(swapped)) {
    c.fail(`a big-endian GGUF file (version ${swapped}); only little-endian files are supported`);
  }
  if (!(GGUF_VERSIONS as readonly number[]).includes(version)) {
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
