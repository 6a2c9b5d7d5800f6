// A checkpoint: one model.safetensors, or shards listed by
// model.safetensors.index.json. Only headers are read up front; tensor data
// is read on request, a tensor or a block of rows at a time, so host memory
// stays near one tensor however large the checkpoint.

import type { ByteReader, FileSource } from "../platform/bytes.ts";
import { checkFileName } from "../platform/bytes.ts";
import { FLOAT_DTYPES, isFloatDType, toFloat32, toInt32 } from "./dtype.ts";
import { numel, readSafetensorsHeader, type TensorInfo } from "./safetensors_header.ts";

export type { TensorInfo } from "./safetensors_header.ts";
export { readSafetensorsHeader } from "./safetensors_header.ts";
export { type TensorToWrite, writeSafetensors } from "./safetensors_write.ts";

export const SINGLE_FILE = "model.safetensors";
export const INDEX_FILE = "model.safetensors.index.json";

export class SafetensorsCheckpoint {
  /** Every tensor by name, in header order (shard order for sharded checkpoints). */
  readonly tensors: Map<string, TensorInfo>;
  /** The files' __metadata__ merged (the first file wins on a conflict). */
  readonly metadata: Record<string, string>;
  /** Where the checkpoint came from, for messages. */
  readonly describe: string;
  readonly #readers: Map<string, ByteReader>;

  constructor(
    describe: string,
    tensors: Map<string, TensorInfo>,
    readers: Map<string, ByteReader>,
    metadata: Record<string, string>,
  ) {
    this.describe = describe;
    this.tensors = tensors;
    this.#readers = readers;
    this.metadata = metadata;
  }

  /** The tensor's info; an unknown name is an error. */
  get(name: string): TensorInfo {
    const info = this.tensors.get(name);
    if (!info) {
      throw new Error(
        `no tensor ${JSON.stringify(name)} in ${this.describe} (${this.tensors.size} tensors)`,
      );
    }
    return info;
  }

  /**
   * Raw little-endian bytes of rows [rowStart, rowStart + rowCount) along the
   * first dimension (a scalar is one row).
   */
  async readBytes(name: string, rowStart = 0, rowCount?: number): Promise<Uint8Array<ArrayBuffer>> {
    const info = this.get(name);
    const rows = info.shape.length === 0 ? 1 : info.shape[0];
    const count = rowCount ?? rows - rowStart;
    if (
      !Number.isSafeInteger(rowStart) || !Number.isSafeInteger(count) || rowStart < 0 ||
      count < 0 || rowStart + count > rows
    ) {
      throw new Error(
        `${info.file}: tensor ${name}: rows [${rowStart}, ${rowStart + count}) are outside ` +
          `its ${rows} rows (shape ${JSON.stringify(info.shape)})`,
      );
    }
    const rowBytes = rows === 0 ? 0 : info.byteLength / rows;
    const reader = this.#readers.get(info.file);
    if (!reader) throw new Error(`${info.file}: tensor ${name}: checkpoint is closed`);
    try {
      return await reader.read(info.offset + rowStart * rowBytes, count * rowBytes);
    } catch (e) {
      throw new Error(`${info.file}: tensor ${name}: ${(e as Error).message}`, { cause: e });
    }
  }

  /** Rows of a F32/F16/BF16 tensor as f32 (exact: every f16 and bf16 value is an f32). */
  async readF32(name: string, rowStart = 0, rowCount?: number): Promise<Float32Array<ArrayBuffer>> {
    const info = this.get(name);
    if (!isFloatDType(info.dtype)) {
      throw new Error(
        `unsupported dtype ${info.dtype} for tensor ${name} in file ${info.file}; ` +
          `supported: ${FLOAT_DTYPES.join(", ")}`,
      );
    }
    return toFloat32(await this.readBytes(name, rowStart, rowCount), info.dtype);
  }

  /** A whole tensor in its natural JS type: floats as f32, I32 as Int32Array. */
  async readTensor(name: string): Promise<Float32Array<ArrayBuffer> | Int32Array<ArrayBuffer>> {
    const info = this.get(name);
    if (info.dtype === "I32") return toInt32(await this.readBytes(name));
    if (!isFloatDType(info.dtype)) {
      throw new Error(
        `unsupported dtype ${info.dtype} for tensor ${name} in file ${info.file}; ` +
          `supported: ${FLOAT_DTYPES.join(", ")}, I32`,
      );
    }
    return this.readF32(name);
  }

  close(): void {
    for (const reader of this.#readers.values()) reader.close();
    this.#readers.clear();
  }
}

/** Opens files in parallel; if any fails, closes the others and rethrows. */
async function openAll(source: FileSource, files: string[]): Promise<Map<string, ByteReader>> {
  const results = await Promise.allSettled(files.map((f) => source.open(f)));
  const readers = new Map<string, ByteReader>();
  results.forEach((r, i) => r.status === "fulfilled" && readers.set(files[i], r.value));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) {
    for (const reader of readers.values()) reader.close();
    throw (failed as PromiseRejectedResult).reason;
  }
  return readers;
}

async function readIndex(source: FileSource, indexFile: string): Promise<Map<string, string>> {
  const where = `${indexFile} in ${source.describe}`;
  let json: unknown;
  try {
    json = JSON.parse(await source.text(indexFile));
  } catch (e) {
    if (e instanceof SyntaxError) throw new Error(`${where}: invalid JSON: ${e.message}`);
    throw e;
  }
  const map = (json as { weight_map?: unknown } | null)?.weight_map;
  if (typeof map !== "object" || map === null || Array.isArray(map)) {
    throw new Error(`${where}: weight_map must be an object of tensor name -> shard file`);
  }
  const weightMap = new Map<string, string>();
  for (const [name, file] of Object.entries(map)) {
    if (typeof file !== "string") {
      throw new Error(`${where}: weight_map[${JSON.stringify(name)}] must be a file name`);
    }
    weightMap.set(name, checkFileName(file, where));
  }
  if (weightMap.size === 0) throw new Error(`${where}: weight_map is empty`);
  return weightMap;
}

async function openSharded(source: FileSource, indexFile: string) {
  const weightMap = await readIndex(source, indexFile);
  const shards = [...new Set(weightMap.values())];
  for (const shard of shards) {
    if (!(await source.has(shard))) {
      const example = [...weightMap].find(([, f]) => f === shard)![0];
      throw new Error(
        `${indexFile} names shard ${shard} (for tensors such as ${example}), but ${shard} is ` +
          `missing from ${source.describe}`,
      );
    }
  }
  const readers = await openAll(source, shards);
  try {
    const byShard = new Map<string, Map<string, TensorInfo>>();
    const metadata: Record<string, string> = {};
    for (const shard of shards) {
      const header = await readSafetensorsHeader(readers.get(shard)!);
      byShard.set(shard, new Map(header.tensors.map((t) => [t.name, t])));
      for (const [k, v] of Object.entries(header.metadata)) metadata[k] ??= v;
    }
    const tensors = new Map<string, TensorInfo>();
    for (const [name, shard] of weightMap) {
      const info = byShard.get(shard)!.get(name);
      if (!info) {
        throw new Error(
          `${indexFile} maps tensor ${name} to ${shard}, but ${shard} has no tensor ${name}`,
        );
      }
      tensors.set(name, info);
    }
    // Tensors present in a shard but absent from weight_map are ignored, as
    // transformers does: the index is the checkpoint's table of contents.
    return new SafetensorsCheckpoint(`${source.describe}/${indexFile}`, tensors, readers, metadata);
  } catch (e) {
    for (const reader of readers.values()) reader.close();
    throw e;
  }
}

async function openSingle(source: FileSource, file: string) {
  const reader = await source.open(file);
  try {
    const header = await readSafetensorsHeader(reader);
    const tensors = new Map(header.tensors.map((t) => [t.name, t]));
    return new SafetensorsCheckpoint(
      `${source.describe}/${file}`,
      tensors,
      new Map([[file, reader]]),
      header.metadata,
    );
  } catch (e) {
    reader.close();
    throw e;
  }
}

/**
 * Opens `file` from the source, or by default the model checkpoint:
 * model.safetensors if present, else model.safetensors.index.json and its shards.
 * A name ending in .index.json is read as a shard index.
 */
export async function openSafetensors(
  source: FileSource,
  file?: string,
): Promise<SafetensorsCheckpoint> {
  if (file !== undefined) {
    return file.endsWith(".index.json") ? openSharded(source, file) : openSingle(source, file);
  }
  if (await source.has(SINGLE_FILE)) return openSingle(source, SINGLE_FILE);
  if (await source.has(INDEX_FILE)) return openSharded(source, INDEX_FILE);
  throw new Error(`no ${SINGLE_FILE} or ${INDEX_FILE} in ${source.describe}`);
}

/** Number of elements of a tensor. */
export function tensorNumel(info: TensorInfo): number {
  return numel(info.shape);
}
