// The safetensors header, parsed as untrusted input: an 8-byte little-endian
// length, a JSON object of tensors, then a data section that the tensors must
// tile exactly (the format's own rule; it also means a size or offset error
// cannot go unnoticed).

import { FormatError } from "../errors.ts";
import type { ByteReader } from "../platform/bytes.ts";
import { DTYPE_BYTES, FLOAT_DTYPES } from "./dtype.ts";

/** Headers larger than this are refused before being read (the reference implementation's limit). */
export const MAX_HEADER_BYTES = 100_000_000;

export interface TensorInfo {
  name: string;
  dtype: string;
  /** Row-major; [] for a scalar. */
  shape: number[];
  /** The file holding the data, as named in its source. */
  file: string;
  /** Absolute byte offset of element 0 in `file`. */
  offset: number;
  byteLength: number;
}

export interface SafetensorsHeader {
  file: string;
  tensors: TensorInfo[];
  metadata: Record<string, string>;
  /** Byte offset of the data section in the file. */
  dataStart: number;
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

/** Reads and validates the header of one safetensors file. */
export async function readSafetensorsHeader(reader: ByteReader): Promise<SafetensorsHeader> {
  const file = reader.name;
  if (reader.size < 8) {
    throw new FormatError(
      file,
      `truncated: ${reader.size} bytes, but a safetensors file starts with an ` +
        `8-byte header length`,
    );
  }
  const lengthBytes = await reader.read(0, 8);
  const length = new DataView(lengthBytes.buffer, lengthBytes.byteOffset).getBigUint64(0, true);
  if (length > BigInt(MAX_HEADER_BYTES)) {
    throw new FormatError(
      file,
      `header length ${length} exceeds the ${MAX_HEADER_BYTES}-byte limit ` +
        `(not a safetensors file, or corrupt)`,
    );
  }
  const headerLength = Number(length);
  if (headerLength > reader.size - 8) {
    throw new FormatError(
      file,
      `header length ${headerLength} runs past the end of the file ` +
        `(${reader.size} bytes): truncated or not a safetensors file`,
    );
  }
  let json: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(
      await reader.read(8, headerLength),
    );
    json = JSON.parse(text);
  } catch (e) {
    throw new FormatError(file, `header is not valid UTF-8 JSON: ${(e as Error).message}`);
  }
  const dataStart = 8 + headerLength;
  return parseSafetensorsHeader(file, json, dataStart, reader.size - dataStart);
}

/** Validates a parsed header against a data section of `dataSize` bytes. */
export function parseSafetensorsHeader(
  file: string,
  json: unknown,
  dataStart: number,
  dataSize: number,
): SafetensorsHeader {
  if (!isObject(json)) throw new FormatError(file, `header must be a JSON object`);
  const metadata: Record<string, string> = {};
  const tensors: TensorInfo[] = [];
  const ranges = new Map<string, [number, number]>();
  for (const [name, entry] of Object.entries(json)) {
    if (name === "__metadata__") {
      if (!isObject(entry) || Object.values(entry).some((v) => typeof v !== "string")) {
        throw new FormatError(file, `__metadata__ must be an object of string values`);
      }
      Object.assign(metadata, entry);
      continue;
    }
    const fail = (what: string): never => {
      throw new FormatError(file, `tensor ${JSON.stringify(name)}: ${what}`);
    };
    if (!isObject(entry)) fail("entry must be an object with dtype, shape and data_offsets");
    const { dtype, shape, data_offsets: offsets } = entry as Record<string, unknown>;
    // Object.hasOwn: `in` would accept "toString" or "__proto__" from Object.prototype.
    if (typeof dtype !== "string" || !Object.hasOwn(DTYPE_BYTES, dtype)) {
      throw new FormatError(
        file,
        `unsupported dtype ${typeof dtype === "string" ? dtype : JSON.stringify(dtype)} for ` +
          `tensor ${name}; supported: ${FLOAT_DTYPES.join(", ")}`,
        { tensor: name },
      );
    }
    if (!Array.isArray(shape) || !shape.every(isCount)) {
      fail(`shape must be a list of non-negative integers, got ${JSON.stringify(shape)}`);
    }
    const count = numel(shape as number[]);
    const byteLength = count * DTYPE_BYTES[dtype];
    if (!Number.isSafeInteger(byteLength)) fail(`shape ${JSON.stringify(shape)} is too large`);
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
      fail(`data_offsets must be [begin, end] byte offsets, got ${JSON.stringify(offsets)}`);
    }
    const [begin, end] = offsets as number[];
    if (begin > end) fail(`data_offsets [${begin}, ${end}] end before they begin`);
    if (end > dataSize) {
      fail(
        `data_offsets [${begin}, ${end}] run past the data section (${dataSize} bytes): ` +
          `the file is truncated or the offsets are wrong`,
      );
    }
    if (end - begin !== byteLength) {
      fail(
        `data_offsets [${begin}, ${end}] hold ${end - begin} bytes, but shape ` +
          `${JSON.stringify(shape)} of ${dtype} needs ${byteLength}`,
      );
    }
    ranges.set(name, [begin, end]);
    tensors.push({
      name,
      dtype,
      shape: shape as number[],
      file,
      offset: dataStart + begin,
      byteLength,
    });
  }
  checkTiling(file, ranges, dataSize);
  return { file, tensors, metadata, dataStart };
}

/** The tensors must cover [0, dataSize) exactly: no overlap, no gap, nothing after. */
function checkTiling(file: string, ranges: Map<string, [number, number]>, dataSize: number) {
  const sorted = [...ranges].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1]);
  let cursor = 0;
  let previous = "";
  for (const [name, [begin, end]] of sorted) {
    if (begin < cursor) {
      throw new FormatError(
        file,
        `tensor ${JSON.stringify(name)} [${begin}, ${end}) overlaps tensor ` +
          `${JSON.stringify(previous)}, which ends at ${cursor}`,
      );
    }
    if (begin > cursor) {
      throw new FormatError(
        file,
        `data section has a gap of ${begin - cursor} bytes [${cursor}, ${begin}) ` +
          `before tensor ${JSON.stringify(name)}; tensors must cover it exactly`,
      );
    }
    cursor = end;
    previous = name;
  }
  if (cursor !== dataSize) {
    throw new FormatError(
      file,
      `data section has ${dataSize - cursor} bytes [${cursor}, ${dataSize}) after the ` +
        `last tensor; tensors must cover it exactly`,
    );
  }
}
