// Llama weights on one device, streamed from a checkpoint tensor by tensor (and
// row slab by row slab), so peak host memory stays near one slab, not the file.
// Every tensor's shape is checked against config.json before it is uploaded; a
// failed load destroys whatever it had allocated. With a q8/q4 format each
// slab is quantized on the host as it arrives and only the packed rows are
// uploaded: no full-precision copy of the model exists at any time. GGUF
// tensors can instead stay as stored: their raw ggml rows go to
// createStoredMatrix (engine/quant/ggml.ts), one slab at a time.

import { FormatError } from "../errors.ts";
import { checkWeightRange } from "../formats/weight_range.ts";
import type { Checkpoint } from "../formats/checkpoint.ts";
import { toFloat32 } from "../formats/dtype.ts";
import { createStoredMatrix, type GgmlType } from "../quant/ggml.ts";
import type { Gpu } from "../gpu/gpu.ts";
import { type CreatableFormat, createWeightMatrix, type WeightMatrix } from "../quant/matrix.ts";
import type { BudgetChoice } from "../quant/budget.ts";
import { checkMatrixFormat, type MatrixFormat } from "../quant/format.ts";
import { isWeightMix, mixFormat, type TensorRole, type WeightMix } from "../quant/mix.ts";
import { Tensor } from "../ops/tensor.ts";
import type { LlamaConfig } from "../formats/config.ts";
import { LlamaModules, TOP_TENSORS } from "./modules.ts";

/** Host bytes read per upload step; bounds peak memory while loading. */
const SLAB_BYTES = 16 * 1024 * 1024;

/** One decoder layer's weights on its device; matrices in nn.Linear layout [out, in]. */
export interface LayerWeights {
  /** input_layernorm.weight [hidden]. */
  inputNorm: Tensor<"f32">;
  /** self_attn.q_proj [heads * headDim, hidden]. */
  q: WeightMatrix;
  /** self_attn.k_proj [kvHeads * headDim, hidden]. */
  k: WeightMatrix;
  /** self_attn.v_proj [kvHeads * headDim, hidden]. */
  v: WeightMatrix;
  /** self_attn.o_proj [hidden, heads * headDim]. */
  o: WeightMatrix;
  /** post_attention_layernorm.weight [hidden]. */
  postNorm: Tensor<"f32">;
  /** mlp.gate_proj [intermediate, hidden]. */
  gate: WeightMatrix;
  /** mlp.up_proj [intermediate, hidden]. */
  up: WeightMatrix;
  /** mlp.down_proj [hidden, intermediate]. */
  down: WeightMatrix;
}

/** A one-device model's weights (`engine.weights`), read-only. */
export interface LlamaWeights {
  /** [vocab, hidden], in the model's format (see ARCHITECTURE.md, "Quantization"). */
  embed: WeightMatrix;
  /** Every decoder layer, in order. */
  layers: LayerWeights[];
  /** The final norm's weight [hidden]. */
  norm: Tensor<"f32">;
  /** [vocab, hidden]; the same object as `embed` when embeddings are tied. */
  lmHead: WeightMatrix;
}

/**
 * The part of the model one device holds: layers [firstLayer, firstLayer +
 * layers.length), plus the embedding on the first device and the final norm
 * and lm_head on the last (null elsewhere).
 */
export interface StageWeights {
  firstLayer: number;
  embed: WeightMatrix | null;
  layers: LayerWeights[];
  norm: Tensor<"f32"> | null;
  lmHead: WeightMatrix | null;
}

/** What one device loads: layers [first, end), and whether it has the embedding / head. */
export interface StageRange {
  first: number;
  end: number;
  embed: boolean;
  head: boolean;
}

/** A whole model on one device, seen as its only stage. */
export function asStage(w: LlamaWeights | StageWeights): StageWeights {
  return "firstLayer" in w ? w : { firstLayer: 0, ...w };
}

export type LoadProgress = (done: number, total: number, tensor: string) => void;

/** The HF tensor names this config needs, with their expected shapes. */
export function expectedTensors(c: LlamaConfig): Map<string, number[]> {
  const h = c.hiddenSize,
    qDim = c.numAttentionHeads * c.headDim,
    kvDim = c.numKeyValueHeads * c.headDim;
  const m = new Map<string, number[]>();
  m.set(TOP_TENSORS.embed, [c.vocabSize, h]);
  for (const { tensors: t } of LlamaModules.of(c).layers) {
    m.set(t.inputNorm, [h]);
    m.set(t.q, [qDim, h]);
    m.set(t.k, [kvDim, h]);
    m.set(t.v, [kvDim, h]);
    m.set(t.o, [h, qDim]);
    m.set(t.postNorm, [h]);
    m.set(t.gate, [c.intermediateSize, h]);
    m.set(t.up, [c.intermediateSize, h]);
    m.set(t.down, [h, c.intermediateSize]);
  }
  m.set(TOP_TENSORS.norm, [h]);
  if (!c.tieWordEmbeddings) m.set(TOP_TENSORS.lmHead, [c.vocabSize, h]);
  return m;
}

/**
 * The layer count the checkpoint's own names imply, compared with config.json
 * before anything is built per layer: a config claiming 2^31 layers fails
 * here in time proportional to the checkpoint, not to its claim.
 */
export function checkLayerCount(c: LlamaConfig, ckpt: Checkpoint, where: string) {
  let layers = 0;
  for (const name of ckpt.tensors.keys()) {
    const l = LlamaModules.layerOfTensor(name);
    if (l !== null) layers = Math.max(layers, l + 1);
  }
  if (layers !== c.numHiddenLayers) {
    throw new FormatError(
      where,
      `${ckpt.configName ?? "config.json"} says num_hidden_layers is ${c.numHiddenLayers}, ` +
        `but the checkpoint's ` +
        `tensors are for ${layers} layers (model.layers.0 .. model.layers.${layers - 1})`,
    );
  }
}

/** Checks names and shapes before anything touches the GPU. */
export function checkCheckpoint(c: LlamaConfig, ckpt: Checkpoint, where: string): void {
  checkLayerCount(c, ckpt, where);
  const configName = ckpt.configName ?? "config.json";
  const expected = expectedTensors(c);
  const unexpected = [...ckpt.tensors.keys()].filter((n) =>
    !expected.has(n) && !LlamaModules.isIgnoredTensor(n)
  );
  if (unexpected.length > 0) {
    const list = unexpected.slice(0, 5).join(", ") + (unexpected.length > 5 ? ", ..." : "");
    throw new FormatError(
      where,
      `${unexpected.length} tensor(s) that ${configName} does not account for: ${list}` +
        (unexpected.includes(TOP_TENSORS.lmHead)
          ? ` (${configName} says tie_word_embeddings)`
          : ""),
    );
  }
  for (const [name, shape] of expected) {
    const info = ckpt.tensors.get(name);
    if (!info) {
      const hint = name === TOP_TENSORS.lmHead
        ? ` (${configName} says tie_word_embeddings is false)`
        : "";
      throw new FormatError(where, `tensor ${name} is missing${hint}; expected shape [${shape}]`, {
        tensor: name,
      });
    }
    if (info.shape.length !== shape.length || info.shape.some((d, i) => d !== shape[i])) {
      throw new Error(
        `${where}: tensor ${name} in ${info.file} has shape [${info.shape}], ` +
          `but ${configName} implies [${shape}]`,
      );
    }
  }
}

export interface LoadWeightsOptions {
  /**
   * Device format of every weight matrix, embedding and lm_head included, or
   * a mix choosing one per matrix (engine/quant/mix.ts); norms stay f32.
   */
  format: MatrixFormat | WeightMix;
  /** Format of the embedding and lm_head; default `format` (or the mix's choice). */
  embedFormat?: MatrixFormat;
  /**
   * Weight tensor name -> per-column weights of the quantization error
   * (E[x^2] of its input, engine/model/calibrate.ts); used by q4k / q6k.
   */
  importance?: ReadonlyMap<string, Float32Array>;
  /**
   * The "q4kb" mix's plan (engine/budget_plan.ts): tensor name -> format
   * (q8 / q4 with searched scales). Required by "q4kb"; embedFormat still
   * overrides the embedding and lm_head.
   */
  plan?: ReadonlyMap<string, BudgetChoice>;
  /** Quant block size (format.ts BLOCK_SIZES); default DEFAULT_BLOCK. */
  block?: number;
  onProgress?: LoadProgress;
  /**
   * Experiment hook: modifies the f32 rows [rowStart, rowStart + rows.length /
   * cols) of the 2-D matrix `name` in place before they are quantized and
   * uploaded (norm vectors are not passed). bench/accuracy.ts uses it to model
   * an ideal quantizer as Gaussian noise.
   */
  perturbRows?: (name: string, rowStart: number, rows: Float32Array, cols: number) => void;
  /**
   * Keep the checkpoint's stored ggml rows (GGUF) instead of converting to
   * `format`: for the layer matrices, and for the embedding and lm_head.
   * Ignored for checkpoints without stored types (safetensors).
   */
  keepStored?: { layers: boolean; embed: boolean };
}

/** The whole model on one device. */
export async function loadWeights(
  gpu: Gpu,
  c: LlamaConfig,
  ckpt: Checkpoint,
  where: string,
  options: LoadWeightsOptions,
): Promise<LlamaWeights> {
  const all = { first: 0, end: c.numHiddenLayers, embed: true, head: true };
  const w = await loadStageWeights(gpu, c, ckpt, where, options, all);
  return { embed: w.embed!, layers: w.layers, norm: w.norm!, lmHead: w.lmHead! };
}

/** The tensors of `range` on one device. */
export async function loadStageWeights(
  gpu: Gpu,
  c: LlamaConfig,
  ckpt: Checkpoint,
  where: string,
  options: LoadWeightsOptions,
  range: StageRange,
): Promise<StageWeights> {
  if (!isWeightMix(options.format)) checkMatrixFormat("loadWeights format", options.format);
  if (options.embedFormat) checkMatrixFormat("loadWeights embedFormat", options.embedFormat);
  const onProgress = options.onProgress;
  checkCheckpoint(c, ckpt, where);
  const expected = expectedTensors(c);
  const owned: { dispose(): void }[] = [];
  let done = 0;
  // Progress counts this stage's tensors: 9 per layer, plus embedding / head.
  const total = (range.end - range.first) * 9 + (range.embed ? 1 : 0) +
    (range.head ? (c.tieWordEmbeddings && range.embed ? 1 : 2) : 0);
  const step = (name: string) => onProgress?.(++done, total, name);

  const vector = async (name: string): Promise<Tensor<"f32">> => {
    const data = await ckpt.readF32(name);
    checkWeightRange(data, ckpt.get(name).file, name);
    const t = Tensor.from(gpu, name, data, [data.length], "f32");
    owned.push(t);
    step(name);
    return t;
  };
  const stored = async (name: string, type: GgmlType): Promise<WeightMatrix> => {
    const [rows, cols] = expected.get(name)!;
    const w = createStoredMatrix(gpu, name, rows, cols, type);
    owned.push(w.matrix);
    const slabRows = Math.max(1, Math.floor(SLAB_BYTES / (cols * 4)));
    for (let r = 0; r < rows; r += slabRows) {
      const n = Math.min(slabRows, rows - r);
      const bytes = await ckpt.readStoredRows!(name, r, n);
      // Float types are range-checked as for safetensors; block types are
      // checked through their scales by the checkpoint as it reads them.
      if (type === "F32" || type === "F16" || type === "BF16") {
        checkWeightRange(toFloat32(bytes, type), ckpt.get(name).file, name, r * cols);
      }
      w.writeRows(r, bytes);
      await gpu.settleWrites();
    }
    step(name);
    return w.matrix;
  };
  // A tensor's format: the embedding's override, else the plan, the mix's rule or the one format.
  const formatOf = (
    name: string,
    role: TensorRole,
  ): { format: CreatableFormat; block?: number; search?: boolean } => {
    const f = options.format;
    if (options.embedFormat && (role.kind === "embed" || role.kind === "head")) {
      return { format: options.embedFormat, block: options.block };
    }
    if (f === "q4kb") {
      const choice = options.plan?.get(name);
      if (!choice) throw new Error(`${where}: the q4kb plan has no format for ${name}`);
      return { ...choice, search: true };
    }
    return {
      format: isWeightMix(f) ? mixFormat(f, role, c.numHiddenLayers, c.tieWordEmbeddings) : f,
      block: options.block,
    };
  };
  const matrix = async (name: string, role: TensorRole): Promise<WeightMatrix> => {
    const embedOrHead = role.kind === "embed" || role.kind === "head";
    const keep = embedOrHead ? options.keepStored?.embed : options.keepStored?.layers;
    const type = keep ? ckpt.storedType?.(name) ?? null : null;
    if (type) return await stored(name, type);
    const [rows, cols] = expected.get(name)!;
    const slabRows = Math.max(1, Math.floor(SLAB_BYTES / (cols * 4)));
    const readSlab = async (r: number) => {
      const slab = await ckpt.readF32(name, r, Math.min(slabRows, rows - r));
      checkWeightRange(slab, ckpt.get(name).file, name, r * cols);
      options.perturbRows?.(name, r, slab, cols);
      return slab;
    };
    const { format, block, search } = formatOf(name, role);
    const m = createWeightMatrix(gpu, name, rows, cols, format, block, {
      importance: options.importance?.get(name),
      search,
    });
    owned.push(m);
    for (let r = 0; r < rows; r += slabRows) {
      m.writeRows(r, await readSlab(r));
      await gpu.settleWrites();
    }
    step(name);
    return m;
  };

  try {
    const embed = range.embed ? await matrix(TOP_TENSORS.embed, { kind: "embed" }) : null;
    const layers: LayerWeights[] = [];
    const tree = LlamaModules.of(c);
    for (let l = range.first; l < range.end; l++) {
      const t = tree.layers[l].tensors;
      layers.push({
        inputNorm: await vector(t.inputNorm),
        q: await matrix(t.q, { kind: "q", layer: l }),
        k: await matrix(t.k, { kind: "k", layer: l }),
        v: await matrix(t.v, { kind: "v", layer: l }),
        o: await matrix(t.o, { kind: "o", layer: l }),
        postNorm: await vector(t.postNorm),
        gate: await matrix(t.gate, { kind: "gate", layer: l }),
        up: await matrix(t.up, { kind: "up", layer: l }),
        down: await matrix(t.down, { kind: "down", layer: l }),
      });
    }
    let norm: Tensor<"f32"> | null = null, lmHead: WeightMatrix | null = null;
    if (range.head) {
      norm = await vector(TOP_TENSORS.norm);
      // A tied head on another device than the embedding is a second copy of it.
      lmHead = !c.tieWordEmbeddings
        ? await matrix(TOP_TENSORS.lmHead, { kind: "head" })
        : embed ?? await matrix(TOP_TENSORS.embed, { kind: "embed" });
    }
    return { firstLayer: range.first, embed, layers, norm, lmHead };
  } catch (e) {
    for (const o of owned) o.dispose();
    throw e;
  }
}

export function disposeWeights(w: LlamaWeights | StageWeights): void {
  w.embed?.dispose();
  if (w.lmHead !== w.embed) w.lmHead?.dispose();
  w.norm?.dispose();
  for (const l of w.layers) {
    for (const t of [l.inputNorm, l.q, l.k, l.v, l.o, l.postNorm, l.gate, l.up, l.down]) {
      t.dispose();
    }
  }
}

/** Bytes of weights held on the device (packed codes and scales for q8/q4). */
export function weightBytes(w: LlamaWeights | StageWeights): number {
  let n = (w.embed?.byteLength ?? 0) + (w.norm?.byteLength ?? 0) +
    (w.lmHead && w.lmHead !== w.embed ? w.lmHead.byteLength : 0);
  for (const l of w.layers) {
    for (const t of [l.inputNorm, l.q, l.k, l.v, l.o, l.postNorm, l.gate, l.up, l.down]) {
      n += t.byteLength;
    }
  }
  return n;
}
