// A loaded model's device weights to and from a device-layout container
// (engine/formats/device_container.ts). Saving reads each buffer back one row
// chunk at a time and writes it to a WritableStream, so the host holds one
// chunk, never the model. Loading creates each matrix in its stored layout and
// copies slabs of bytes into it: no conversion, no quantization.

import { FormatError } from "../errors.ts";
import { Matrix } from "../gpu/matrix.ts";
import type { Gpu } from "../gpu/gpu.ts";
import { BlockMatrix } from "../quant/block_matrix.ts";
import { QuantMatrix, type WeightMatrix } from "../quant/matrix.ts";
import { Tensor } from "../ops/tensor.ts";
import { type LlamaConfig, llamaConfigJson } from "../formats/config.ts";
import type { Tokenizer } from "../formats/tokenizer.ts";
import { checkWeightRange } from "../formats/weight_range.ts";
import {
  containerHeader,
  containerMetadata,
  type ContainerPart,
  type DeviceContainer,
  type DeviceLayout,
  filePart,
  layoutParts,
} from "../formats/device_container.ts";
import { LlamaModules, TOP_TENSORS } from "./modules.ts";
import {
  expectedTensors,
  type LayerWeights,
  type LoadProgress,
  type StageRange,
  type StageWeights,
} from "./weights.ts";

/** Host bytes read per upload step, as the checkpoint loader. */
const SLAB_BYTES = 16 * 1024 * 1024;
const ROPE_FREQS = "rope_freqs.weight";

/** The device layout of a loaded matrix. */
export function layoutOf(m: WeightMatrix): DeviceLayout {
  if (m instanceof QuantMatrix) {
    return { format: m.format, block: m.layout.block, rows: m.rows, cols: m.cols };
  }
  return { format: m.format, rows: m.rows, cols: m.cols };
}

/** Every weight of the model once, in file order (a tied head is the embedding). */
function modelTensors(
  c: LlamaConfig,
  stages: readonly StageWeights[],
): [string, WeightMatrix | Tensor<"f32">][] {
  const out: [string, WeightMatrix | Tensor<"f32">][] = [];
  const first = stages[0], last = stages[stages.length - 1];
  out.push([TOP_TENSORS.embed, first.embed!]);
  const tree = LlamaModules.of(c);
  for (const s of stages) {
    s.layers.forEach((w, i) => {
      const t = tree.layers[s.firstLayer + i].tensors;
      for (const k of Object.keys(t) as (keyof LayerWeights)[]) out.push([t[k], w[k]]);
    });
  }
  out.push([TOP_TENSORS.norm, last.norm!]);
  if (!c.tieWordEmbeddings) out.push([TOP_TENSORS.lmHead, last.lmHead!]);
  return out;
}

const isMatrix = (t: WeightMatrix | Tensor<"f32">): t is WeightMatrix => "chunks" in t;
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Device words of a BlockMatrix chunk -> ggml's bytes (each block's word padding dropped). */
function unpadBlocks(m: BlockMatrix, words: Uint32Array): Uint8Array {
  const l = m.layout, src = bytesOf(words), stride = l.blockWords * 4;
  if (stride === l.blockBytes) return src;
  const blocks = words.length / l.blockWords, out = new Uint8Array(blocks * l.blockBytes);
  for (let b = 0; b < blocks; b++) {
    out.set(src.subarray(b * stride, b * stride + l.blockBytes), b * l.blockBytes);
  }
  return out;
}

/** What saveModelWeights writes besides the weights. */
export interface SaveInfo {
  config: LlamaConfig;
  tokenizer: Tokenizer;
  /** How the weights were quantized, kept for messages. */
  quant: string;
}

/**
 * Writes the container to `sink` and closes it (aborts it on failure);
 * returns the bytes written.
 */
export async function saveModelWeights(
  info: SaveInfo,
  stages: readonly StageWeights[],
  sink: WritableStream<Uint8Array>,
): Promise<number> {
  const c = info.config;
  const tensors = modelTensors(c, stages);
  const layouts = new Map<string, DeviceLayout>();
  const parts: ContainerPart[] = [];
  for (const [name, t] of tensors) {
    if (!isMatrix(t)) {
      parts.push({ name, dtype: "F32", shape: [t.size], byteLength: t.size * 4 });
      continue;
    }
    const l = layoutOf(t);
    layouts.set(name, l);
    parts.push(...layoutParts(name, l));
  }
  const freqs = c.ropeFreqFactors;
  if (freqs) {
    parts.push({
      name: ROPE_FREQS,
      dtype: "F32",
      shape: [freqs.length],
      byteLength: freqs.byteLength,
    });
  }
  const files = Object.entries(info.tokenizer.files()).map(([name, text]) =>
    [name, new TextEncoder().encode(text)] as const
  );
  for (const [name, bytes] of files) parts.push(filePart(name, bytes.length));
  const meta = containerMetadata(
    { config: c, configJson: llamaConfigJson(c), quant: info.quant },
    layouts,
  );
  const header = containerHeader(parts, meta);
  const expected = header.length + parts.reduce((n, p) => n + p.byteLength, 0);
  const writer = sink.getWriter();
  let written = 0;
  const put = async (b: Uint8Array) => {
    await writer.write(b);
    written += b.length;
  };
  try {
    await put(header);
    for (const [, t] of tensors) {
      if (!isMatrix(t)) await put(bytesOf(await t.toArray()));
      else if (t instanceof Matrix) {
        for (const ch of t.chunks) await put(bytesOf(await ch.tensor.toArray()));
      } else if (t instanceof QuantMatrix) {
        for (const ch of t.chunks) await put(bytesOf(await ch.words.toArray()));
        for (const ch of t.chunks) await put(bytesOf(await ch.scales.toArray()));
      } else {
        for (const ch of t.chunks) await put(unpadBlocks(t, await ch.words.toArray()));
      }
    }
    if (freqs) await put(bytesOf(freqs));
    for (const [, bytes] of files) await put(bytes);
    if (written !== expected) {
      throw new Error(`saveWeights: wrote ${written} bytes, the header declares ${expected}`);
    }
    await writer.close();
  } catch (e) {
    await writer.abort(e).catch(() => {});
    throw e;
  } finally {
    writer.releaseLock();
  }
  return written;
}

/** Bytes as u32 / u16 words, copied only when the read is not word-aligned. */
function words<T>(
  bytes: Uint8Array,
  Ctor: new (b: ArrayBuffer, o: number, n: number) => T,
  size: number,
): T {
  const b = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Ctor(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength / size);
}

/** Throws unless every f16 scale is finite (a flipped bit in a scale is a corrupt file). */
function checkScales(scales: Uint16Array, file: string, tensor: string): void {
  for (let i = 0; i < scales.length; i++) {
    if ((scales[i] & 0x7c00) === 0x7c00) {
      throw new FormatError(
        file,
        `tensor ${tensor}: scale ${i} is not finite (the file is corrupt)`,
        {
          tensor,
        },
      );
    }
  }
}

/** The config's rope factors from the container, when it stores them. */
export async function containerRopeFactors(
  k: DeviceContainer,
  c: LlamaConfig,
): Promise<Float32Array | undefined> {
  if (!k.has(ROPE_FREQS)) return undefined;
  const f = await k.vector(ROPE_FREQS, c.headDim / 2);
  if (f.some((v) => !(v > 0 && v < 1e6))) {
    throw new FormatError(k.file, `tensor ${ROPE_FREQS} has a factor outside (0, 1e6)`, {
      tensor: ROPE_FREQS,
    });
  }
  return f;
}

/** One device's share of the model, straight from the container's bytes. */
export async function loadContainerStage(
  gpu: Gpu,
  c: LlamaConfig,
  k: DeviceContainer,
  range: StageRange,
  onProgress?: LoadProgress,
): Promise<StageWeights> {
  const expected = expectedTensors(c);
  const owned: { dispose(): void }[] = [];
  let done = 0;
  const total = (range.end - range.first) * 9 + (range.embed ? 1 : 0) +
    (range.head ? (c.tieWordEmbeddings && range.embed ? 1 : 2) : 0);
  const step = (name: string) => onProgress?.(++done, total, name);
  const vector = async (name: string): Promise<Tensor<"f32">> => {
    const data = await k.vector(name, expected.get(name)![0]);
    checkWeightRange(data, k.file, name);
    const t = Tensor.from(gpu, name, data, [data.length], "f32");
    owned.push(t);
    step(name);
    return t;
  };
  const matrix = async (name: string): Promise<WeightMatrix> => {
    const l = k.layout(name, expected.get(name)!);
    const parts = layoutParts(name, l);
    const rowBytes = parts.reduce((n, p) => n + p.byteLength, 0) / l.rows;
    const slab = Math.max(1, Math.floor(SLAB_BYTES / rowBytes));
    let write: (r: number, n: number) => Promise<void>;
    let m: WeightMatrix;
    if (l.format === "f32") {
      const f = m = Matrix.create(gpu, name, l.rows, l.cols);
      write = async (r, n) => {
        const v = words(await k.readRows(name, r, n), Float32Array, 4);
        checkWeightRange(v, k.file, name, r * l.cols);
        f.writeRows(r, v);
      };
    } else if (l.format === "q8" || l.format === "q4") {
      const q = m = QuantMatrix.create(gpu, name, l.rows, l.cols, l.format, l.block);
      write = async (r, n) => {
        const scales = words(await k.readRows(`${name}.scales`, r, n), Uint16Array, 2);
        checkScales(scales, k.file, `${name}.scales`);
        const codes = words(await k.readRows(`${name}.codes`, r, n), Uint32Array, 4);
        q.writePacked(r, { words: codes, scales });
      };
    } else {
      const b = m = BlockMatrix.create(gpu, name, l.rows, l.cols, l.format);
      write = async (r, n) => b.writeBlocks(r, await k.readRows(`${name}.blocks`, r, n));
    }
    owned.push(m);
    for (let r = 0; r < l.rows; r += slab) {
      await write(r, Math.min(slab, l.rows - r));
      await gpu.settleWrites();
    }
    step(name);
    return m;
  };
  try {
    const embed = range.embed ? await matrix(TOP_TENSORS.embed) : null;
    const layers: LayerWeights[] = [];
    const tree = LlamaModules.of(c);
    for (let l = range.first; l < range.end; l++) {
      const t = tree.layers[l].tensors;
      layers.push({
        inputNorm: await vector(t.inputNorm),
        q: await matrix(t.q),
        k: await matrix(t.k),
        v: await matrix(t.v),
        o: await matrix(t.o),
        postNorm: await vector(t.postNorm),
        gate: await matrix(t.gate),
        up: await matrix(t.up),
        down: await matrix(t.down),
      });
    }
    let norm: Tensor<"f32"> | null = null, lmHead: WeightMatrix | null = null;
    if (range.head) {
      norm = await vector(TOP_TENSORS.norm);
      lmHead = !c.tieWordEmbeddings
        ? await matrix(TOP_TENSORS.lmHead)
        : embed ?? await matrix(TOP_TENSORS.embed);
    }
    return { firstLayer: range.first, embed, layers, norm, lmHead };
  } catch (e) {
    for (const o of owned) o.dispose();
    throw e;
  }
}
