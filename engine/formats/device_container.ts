// Loupe's device-layout container: a loaded model's weights exactly as the
// device holds them (f32 rows, q8/q4 codes and f16 scales, ggml blocks), with
// config, tokenizer files and the quantization it came from, in ONE
// safetensors file. Packed data are U8 tensors and each matrix's layout is a
// `loupe.layout.NAME` entry of `__metadata__`, so any safetensors tool lists
// it; loading it is copying bytes to buffers, with no conversion. Parsed as
// untrusted input: the safetensors header checks (offsets tile the data, a
// truncated file names its first missing tensor) plus every part's dtype and
// shape against its declared layout.
//
// Tensors of a matrix NAME [rows, cols]:
//   f32      NAME          F32 [rows, cols]
//   q8 / q4  NAME.codes    U8  [rows, wordsPerRow * 4]   (format.ts words)
//            NAME.scales   U8  [rows, scalesPerRow * 2]  (f16 bits)
//   ggml     NAME.blocks   U8  [rows, blocksPerRow * blockBytes]  (ggml's bytes, unpadded)
// Norms (and rope_freqs.weight when the config has them) are F32 vectors;
// files are U8 tensors `loupe.file.NAME` (tokenizer.json, ...).

import { FormatError } from "../errors.ts";
import type { ByteReader } from "../platform/bytes.ts";
import { type LlamaConfig, parseLlamaConfig } from "./config.ts";
import { readSafetensorsHeader, type TensorInfo } from "./safetensors_header.ts";
import { BLOCK_SIZES, type MatrixFormat, quantLayout } from "../quant/format.ts";
import { type BlockFormat, blockLayout, isBlockFormat } from "../quant/block_matrix.ts";

/** The layout version this Loupe writes and reads; part of every cache key. */
export const CONTAINER_VERSION = "1";
/** File names ending so are read as containers (Engine.load of a path or a FileSource). */
export const CONTAINER_SUFFIX = ".loupe.safetensors";
const KEY_VERSION = "loupe.container";
const KEY_CONFIG = "loupe.config";
const KEY_QUANT = "loupe.quant";
const LAYOUT_PREFIX = "loupe.layout.";
const FILE_PREFIX = "loupe.file.";

/** How one matrix is held on the device. */
export type DeviceLayout =
  | { format: "f32"; rows: number; cols: number }
  | { format: "q8" | "q4"; block: number; rows: number; cols: number }
  | { format: BlockFormat; rows: number; cols: number };

/** One tensor of the container: a matrix part, a vector or a file. */
export interface ContainerPart {
  name: string;
  dtype: "F32" | "U8";
  shape: number[];
  byteLength: number;
}

/** The tensors a matrix of this layout is stored as, in file order. */
export function layoutParts(name: string, l: DeviceLayout): ContainerPart[] {
  const part = (suffix: string, dtype: "F32" | "U8", rowBytes: number): ContainerPart => ({
    name: name + suffix,
    dtype,
    shape: [l.rows, dtype === "F32" ? rowBytes / 4 : rowBytes],
    byteLength: l.rows * rowBytes,
  });
  if (l.format === "f32") return [part("", "F32", l.cols * 4)];
  if (l.format === "q8" || l.format === "q4") {
    const q = quantLayout(l.format, l.cols, l.block);
    return [part(".codes", "U8", q.wordsPerRow * 4), part(".scales", "U8", q.scalesPerRow * 2)];
  }
  const b = blockLayout(l.format, l.cols);
  return [part(".blocks", "U8", b.blocksPerRow * b.blockBytes)];
}

/** A MatrixFormat holding at least as many bytes per weight: what the placement planner sizes. */
export function layoutPlanFormat(l: DeviceLayout): MatrixFormat {
  if (l.format === "f32" || l.format === "q4k" || l.format === "q6k") return l.format;
  if (l.format === "q8") return "q8"; // planned at block 16, the largest q8
  if (l.format === "q4") return l.block >= 32 ? "q4" : "q6k"; // q4/16 is 5 bits
  return "q6k"; // q4_1, q5_0, q5_1, q5k: 5 to 6 bits
}

/** What a container says besides its tensors. */
export interface ContainerInfo {
  config: LlamaConfig;
  /** The HF config.json written for it (parsed back by parseLlamaConfig on load). */
  configJson: Record<string, unknown>;
  /** How the source was quantized ("q4", "q4km", "stored GGUF types", ...), for messages. */
  quant: string;
}

/** The `__metadata__` of a container. */
export function containerMetadata(
  info: ContainerInfo,
  layouts: ReadonlyMap<string, DeviceLayout>,
): Record<string, string> {
  const m: Record<string, string> = {
    [KEY_VERSION]: CONTAINER_VERSION,
    [KEY_CONFIG]: JSON.stringify(info.configJson),
    [KEY_QUANT]: info.quant,
  };
  for (const [name, l] of layouts) m[LAYOUT_PREFIX + name] = JSON.stringify(l);
  return m;
}

/** The container tensor holding file `name` (tokenizer.json, ...). */
export function filePart(name: string, bytes: number): ContainerPart {
  return { name: FILE_PREFIX + name, dtype: "U8", shape: [bytes], byteLength: bytes };
}

/** Length prefix and JSON header (space-padded to 8 bytes) for parts in this order. */
export function containerHeader(
  parts: readonly ContainerPart[],
  metadata: Record<string, string>,
): Uint8Array<ArrayBuffer> {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const p of parts) {
    if (Object.hasOwn(header, p.name)) throw new Error(`container: duplicate tensor ${p.name}`);
    header[p.name] = {
      dtype: p.dtype,
      shape: p.shape,
      data_offsets: [offset, offset + p.byteLength],
    };
    offset += p.byteLength;
  }
  const text = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(text.length / 8) * 8;
  const out = new Uint8Array(8 + padded).fill(0x20);
  new DataView(out.buffer).setBigUint64(0, BigInt(padded), true);
  out.set(text, 8);
  return out;
}

function parseLayout(file: string, name: string, text: string): DeviceLayout {
  const fail = (what: string): never => {
    throw new FormatError(file, `layout of tensor ${name}: ${what}`, { tensor: name });
  };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    fail(`not JSON: ${JSON.stringify(text.slice(0, 80))}`);
  }
  const o = v as Record<string, unknown>;
  if (typeof o !== "object" || o === null) fail("not an object");
  const count = (k: string) => {
    const n = o[k];
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 1) {
      fail(`${k} must be a positive integer, got ${JSON.stringify(n)}`);
    }
    return n as number;
  };
  const rows = count("rows"), cols = count("cols"), format = o.format;
  if (format === "f32") return { format, rows, cols };
  if (format === "q8" || format === "q4") {
    const block = count("block");
    if (!(BLOCK_SIZES as readonly number[]).includes(block)) {
      fail(`block ${block} is not one of ${BLOCK_SIZES.join(", ")}`);
    }
    return { format, block, rows, cols };
  }
  if (typeof format === "string" && isBlockFormat(format)) return { format, rows, cols };
  return fail(`unknown format ${JSON.stringify(format)}`);
}

/** A container opened for reading: layouts checked against the tensors, nothing else read. */
export class DeviceContainer {
  readonly file: string;
  readonly info: ContainerInfo;
  readonly layouts: ReadonlyMap<string, DeviceLayout>;
  readonly #tensors: Map<string, TensorInfo>;
  readonly #reader: ByteReader;

  private constructor(
    reader: ByteReader,
    info: ContainerInfo,
    layouts: Map<string, DeviceLayout>,
    tensors: Map<string, TensorInfo>,
  ) {
    this.file = reader.name;
    this.#reader = reader;
    this.info = info;
    this.layouts = layouts;
    this.#tensors = tensors;
  }

  /** Reads and checks the header; the reader is kept open (close() releases it). */
  static async open(reader: ByteReader): Promise<DeviceContainer> {
    const file = reader.name;
    const header = await readSafetensorsHeader(reader);
    const meta = header.metadata;
    if (meta[KEY_VERSION] !== CONTAINER_VERSION) {
      throw new FormatError(
        file,
        meta[KEY_VERSION] === undefined
          ? `not a Loupe container (no ${KEY_VERSION} in __metadata__)`
          : `container layout version ${meta[KEY_VERSION]}; this Loupe reads ${CONTAINER_VERSION}`,
      );
    }
    let configJson: Record<string, unknown>;
    try {
      configJson = JSON.parse(meta[KEY_CONFIG] ?? "null");
    } catch (e) {
      throw new FormatError(file, `${KEY_CONFIG} is not JSON: ${(e as Error).message}`);
    }
    const config = parseLlamaConfig(configJson, `${file} (${KEY_CONFIG})`);
    const tensors = new Map(header.tensors.map((t) => [t.name, t]));
    const layouts = new Map<string, DeviceLayout>();
    for (const [key, text] of Object.entries(meta)) {
      if (!key.startsWith(LAYOUT_PREFIX)) continue;
      const name = key.slice(LAYOUT_PREFIX.length);
      const l = parseLayout(file, name, text);
      for (const p of layoutParts(name, l)) {
        const t = tensors.get(p.name);
        if (!t) {
          throw new FormatError(
            file,
            `tensor ${p.name} (${l.format} layout of ${name}) is missing`,
            {
              tensor: p.name,
            },
          );
        }
        if (t.dtype !== p.dtype || t.shape.join() !== p.shape.join()) {
          throw new FormatError(
            file,
            `tensor ${p.name} is ${t.dtype} [${t.shape}], but its ${l.format} layout ` +
              `(${l.rows} x ${l.cols}) needs ${p.dtype} [${p.shape}]`,
            { tensor: p.name },
          );
        }
      }
      layouts.set(name, l);
    }
    const info = { config, configJson, quant: meta[KEY_QUANT] ?? "unknown" };
    return new DeviceContainer(reader, info, layouts, tensors);
  }

  /** The layout of matrix `name`, checked against the shape the config implies. */
  layout(name: string, shape: readonly number[]): DeviceLayout {
    const l = this.layouts.get(name);
    if (!l) {
      throw new FormatError(this.file, `matrix ${name} is missing (no ${LAYOUT_PREFIX}${name})`, {
        tensor: name,
      });
    }
    if (l.rows !== shape[0] || l.cols !== shape[1]) {
      throw new FormatError(
        this.file,
        `matrix ${name} is [${l.rows}, ${l.cols}], but the config implies [${shape}]`,
        { tensor: name },
      );
    }
    return l;
  }

  /** Whether the container has tensor `name`. */
  has(name: string): boolean {
    return this.#tensors.has(name);
  }

  /** Rows [rowStart, rowStart + rows) of a 1-D or 2-D tensor, as bytes. */
  async readRows(name: string, rowStart: number, rows: number): Promise<Uint8Array<ArrayBuffer>> {
    const t = this.#tensors.get(name);
    if (!t) throw new FormatError(this.file, `tensor ${name} is missing`, { tensor: name });
    const rowBytes = t.byteLength / (t.shape[0] || 1);
    try {
      return await this.#reader.read(t.offset + rowStart * rowBytes, rows * rowBytes);
    } catch (e) {
      throw new FormatError(this.file, `tensor ${name}: ${(e as Error).message}`, {
        tensor: name,
      });
    }
  }

  /** A whole F32 vector tensor (norms, rope_freqs.weight), checked against its length. */
  async vector(name: string, length: number): Promise<Float32Array> {
    const t = this.#tensors.get(name);
    if (!t || t.dtype !== "F32" || t.shape.length !== 1 || t.shape[0] !== length) {
      throw new FormatError(
        this.file,
        t
          ? `tensor ${name} is ${t.dtype} [${t.shape}]; expected F32 [${length}]`
          : `tensor ${name} is missing; expected F32 [${length}]`,
        { tensor: name },
      );
    }
    return new Float32Array((await this.readRows(name, 0, length)).buffer);
  }

  /** File `name` stored in the container as text, or null when absent. */
  async fileText(name: string): Promise<string | null> {
    const t = this.#tensors.get(FILE_PREFIX + name);
    if (!t) return null;
    if (t.dtype !== "U8" || t.shape.length !== 1) {
      throw new FormatError(this.file, `tensor ${t.name} is ${t.dtype} [${t.shape}]; expected U8`, {
        tensor: t.name,
      });
    }
    const bytes = await this.readRows(t.name, 0, t.shape[0]);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new FormatError(this.file, `tensor ${t.name} is not UTF-8 text`, { tensor: t.name });
    }
  }

  close(): void {
    this.#reader.close();
  }
}
